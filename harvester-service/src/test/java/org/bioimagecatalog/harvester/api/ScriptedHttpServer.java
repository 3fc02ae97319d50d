package org.bioimagecatalog.harvester.api;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.bioimagecatalog.testsupport.LocalStack;

/**
 * A real loopback HTTP server whose answers a test scripts: a function from the request URI to a reply, plus
 * injected failures ("answer 500 to the first request for this path"). It records every request, so a test can
 * assert what the harvester asked for and how often.
 */
final class ScriptedHttpServer implements AutoCloseable {
    record Reply(int status, String contentType, byte[] body) {
        static Reply json(String body) {
            return new Reply(200, "application/json", body.getBytes(StandardCharsets.UTF_8));
        }

        static Reply json(byte[] body) {
            return new Reply(200, "application/json", body);
        }

        static Reply html(String body) {
            return new Reply(200, "text/html", body.getBytes(StandardCharsets.UTF_8));
        }

        static Reply status(int status) {
            return new Reply(status, "text/plain", ("HTTP " + status).getBytes(StandardCharsets.UTF_8));
        }
    }

    private final HttpServer server;
    private final List<String> requests = new CopyOnWriteArrayList<>();
    private final Map<String, AtomicInteger> failures = new ConcurrentHashMap<>();
    private final Map<String, Integer> failureStatus = new ConcurrentHashMap<>();

    private ScriptedHttpServer(Function<URI, Reply> handler) {
        try {
            server = HttpServer.create(new InetSocketAddress(LocalStack.HOST, 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/", exchange -> {
            try (exchange; OutputStream out = exchange.getResponseBody()) {
                URI uri = exchange.getRequestURI();
                String pathAndQuery = uri.getRawQuery() == null ? uri.getRawPath() : uri.getRawPath() + "?" + uri.getRawQuery();
                requests.add(pathAndQuery);
                AtomicInteger left = failures.get(uri.getRawPath());
                Reply reply = left != null && left.getAndDecrement() > 0
                        ? Reply.status(failureStatus.get(uri.getRawPath()))
                        : handler.apply(uri);
                exchange.getResponseHeaders().set("Content-Type", reply.contentType());
                exchange.sendResponseHeaders(reply.status(), reply.body().length == 0 ? -1 : reply.body().length);
                out.write(reply.body());
            }
        });
        server.start();
    }

    static ScriptedHttpServer start(Function<URI, Reply> handler) {
        return new ScriptedHttpServer(handler);
    }

    /** The first {@code times} requests for {@code path} (query ignored) are answered with {@code status}. */
    ScriptedHttpServer failFirst(String path, int times, int status) {
        failures.put(path, new AtomicInteger(times));
        failureStatus.put(path, status);
        return this;
    }

    String baseUrl() {
        return "http://" + LocalStack.HOST + ":" + server.getAddress().getPort() + "/";
    }

    /** Path and query of every request received, in order. */
    List<String> requests() {
        return List.copyOf(requests);
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
