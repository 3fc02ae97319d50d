package org.bioimagecatalog.portal;

import com.sun.net.httpserver.HttpServer;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * The public API away, as the portal meets it in an outage: the catalog, the reuse tracker and the harvester on a
 * port where nothing listens (the connection is refused), and the search service answering every request with 503
 * and {@code Retry-After: 30}, the problem document a service answers while it cannot reach its engine.
 */
public class StoppedApi implements QuarkusTestResourceLifecycleManager {
    /** The search service's {@code Retry-After}, which the portal passes on. */
    static final String SEARCH_RETRY_AFTER = "30";

    private HttpServer failing;

    @Override
    public Map<String, String> start() {
        int refusing;
        try (ServerSocket closed = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            refusing = closed.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException("cannot find a free port", e);
        }
        try {
            failing = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new IllegalStateException("cannot start the failing search service", e);
        }
        failing.createContext("/", exchange -> {
            try (exchange) {
                byte[] body = ("{\"type\":\"https://bioimagecatalog.org/problems/unavailable\",\"title\":\"Search unavailable\","
                        + "\"status\":503,\"detail\":\"Elasticsearch does not answer\"}").getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().add("Content-Type", "application/problem+json");
                exchange.getResponseHeaders().add("Retry-After", SEARCH_RETRY_AFTER);
                exchange.sendResponseHeaders(503, body.length);
                exchange.getResponseBody().write(body);
            }
        });
        failing.start();
        String stopped = "http://127.0.0.1:" + refusing;
        return Map.of("quarkus.rest-client.catalog.url", stopped, "quarkus.rest-client.reuse.url", stopped,
                "quarkus.rest-client.harvester.url", stopped,
                "quarkus.rest-client.search.url", "http://127.0.0.1:" + failing.getAddress().getPort());
    }

    @Override
    public void stop() {
        if (failing != null) {
            failing.stop(0);
        }
    }
}
