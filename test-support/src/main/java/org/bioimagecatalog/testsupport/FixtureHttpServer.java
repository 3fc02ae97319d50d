package org.bioimagecatalog.testsupport;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * A real HTTP server on a free loopback port that serves a folder of recorded files byte for byte, with
 * nginx-style "autoindex" HTML listings for folders, so that connectors are tested over the wire exactly as
 * they talk to an archive or a mirror.
 */
public final class FixtureHttpServer implements AutoCloseable {
    private final HttpServer server;
    private final Path root;

    private FixtureHttpServer(Path root) throws IOException {
        this.root = root.toAbsolutePath().normalize();
        this.server = HttpServer.create(new InetSocketAddress(LocalStack.HOST, 0), 0);
        server.createContext("/", this::handle);
        server.start();
    }

    public static FixtureHttpServer serve(Path root) {
        try {
            return new FixtureHttpServer(root);
        } catch (IOException e) {
            throw new IllegalStateException("cannot start the fixture HTTP server", e);
        }
    }

    public String baseUrl() {
        return "http://" + LocalStack.HOST + ":" + server.getAddress().getPort() + "/";
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = URLDecoder.decode(exchange.getRequestURI().getPath(), StandardCharsets.UTF_8);
            Path target = root.resolve(path.replaceFirst("^/+", "")).normalize();
            if (!target.startsWith(root) || !Files.exists(target)) {
                send(exchange, 404, "text/plain", "not found".getBytes(StandardCharsets.UTF_8));
            } else if (Files.isDirectory(target)) {
                send(exchange, 200, "text/html; charset=utf-8", listing(target).getBytes(StandardCharsets.UTF_8));
            } else {
                send(exchange, 200, "application/octet-stream", Files.readAllBytes(target));
            }
        }
    }

    private static String listing(Path dir) throws IOException {
        StringBuilder html = new StringBuilder("<html><body><pre>\n<a href=\"../\">../</a>\n");
        try (Stream<Path> entries = Files.list(dir)) {
            entries.sorted(Comparator.comparing(Path::toString)).forEach(p -> {
                String name = p.getFileName().toString() + (Files.isDirectory(p) ? "/" : "");
                html.append("<a href=\"").append(URLEncoder.encode(name, StandardCharsets.UTF_8).replace("%2F", "/"))
                        .append("\">").append(name).append("</a>\n");
            });
        }
        return html.append("</pre></body></html>\n").toString();
    }

    private static void send(HttpExchange exchange, int status, String type, byte[] body) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", type);
        exchange.sendResponseHeaders(status, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
