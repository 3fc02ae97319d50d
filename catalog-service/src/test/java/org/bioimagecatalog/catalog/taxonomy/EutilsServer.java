package org.bioimagecatalog.catalog.taxonomy;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.bioimagecatalog.testsupport.Fixtures;
import org.bioimagecatalog.testsupport.LocalStack;

/**
 * A real HTTP server standing in for NCBI E-utilities: answers a request with its recording
 * ({@link EutilsRecordings}), or with what a test scripted for it first (errors, 429, slow answers: written in the
 * documented shape, as no such answer is recorded), and 404 otherwise. It logs every request it receives.
 */
public final class EutilsServer implements QuarkusTestResourceLifecycleManager {
    /** A scripted answer; {@code delay} longer than the client's timeout makes a timeout. */
    record Scripted(int status, Map<String, String> headers, String body, Duration delay) {}

    private static HttpServer server;
    private static final Map<String, byte[]> RECORDED = new ConcurrentHashMap<>();
    private static final Map<String, Deque<Scripted>> SCRIPTED = new ConcurrentHashMap<>();
    private static final List<String> REQUESTS = Collections.synchronizedList(new ArrayList<>());

    @Override
    public Map<String, String> start() {
        // without ../shared the server answers 404 to everything and the tests that need the recordings skip
        // themselves (a test resource cannot skip: its failure would be charged to the next test class)
        if (java.nio.file.Files.isDirectory(Fixtures.root().resolve("taxonomy/ncbi-eutils"))) {
            RECORDED.putAll(EutilsRecordings.all());
        }
        try {
            server = HttpServer.create(new InetSocketAddress(LocalStack.HOST, 0), 0);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        server.setExecutor(java.util.concurrent.Executors.newCachedThreadPool());
        server.createContext("/entrez/eutils/", EutilsServer::handle);
        server.start();
        return Map.of(
                "bic.taxonomy.online.enabled", "true",
                "bic.taxonomy.online.base-url", "http://" + LocalStack.HOST + ":" + server.getAddress().getPort() + "/entrez/eutils/",
                "bic.taxonomy.online.request-timeout", "4s",
                "bic.taxonomy.online.max-retry-after", "2s",
                "bic.taxonomy.online.breaker-failures", "3",
                "bic.taxonomy.online.breaker-open-for", "1s",
                "bic.taxonomy.online.requests-per-second", "20");
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop(0);
        }
    }

    /** The next request with this key (see {@link EutilsRecordings#key}) gets these answers first, in order. */
    static void script(String key, Scripted... answers) {
        SCRIPTED.computeIfAbsent(key, k -> new ArrayDeque<>()).addAll(List.of(answers));
    }

    /** Keys of the requests received, in order, with the full query line. */
    static List<String> requests() {
        synchronized (REQUESTS) {
            return List.copyOf(REQUESTS);
        }
    }

    static long requestsFor(String key) {
        return requests().stream().filter(r -> r.startsWith(key + " ")).count();
    }

    private static void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String key = EutilsRecordings.key(exchange.getRequestURI());
            REQUESTS.add(key + " " + exchange.getRequestURI().getRawQuery());
            Deque<Scripted> queue = SCRIPTED.get(key);
            Scripted scripted = queue == null ? null : queue.poll();
            if (scripted != null) {
                if (!scripted.delay().isZero()) {
                    try {
                        Thread.sleep(scripted.delay().toMillis());
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }
                scripted.headers().forEach((k, v) -> exchange.getResponseHeaders().add(k, v));
                send(exchange, scripted.status(), scripted.body().getBytes(StandardCharsets.UTF_8));
                return;
            }
            byte[] body = RECORDED.get(key);
            if (body == null) {
                send(exchange, 404, ("no recording for " + key).getBytes(StandardCharsets.UTF_8));
            } else {
                exchange.getResponseHeaders().add("Content-Type", "text/xml; charset=UTF-8");
                send(exchange, 200, body);
            }
        }
    }

    private static void send(HttpExchange exchange, int status, byte[] body) throws IOException {
        exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        if (body.length > 0) {
            exchange.getResponseBody().write(body);
        }
    }
}
