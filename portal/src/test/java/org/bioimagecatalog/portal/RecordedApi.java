package org.bioimagecatalog.portal;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The public API as the portal's rendering tests see it: the hand-written answers of {@code src/test/resources/api}
 * (README there) served over real HTTP, with the statuses the catalog gives a merged-away id (301 + Location), a
 * withdrawn one (410) and an unknown one (404 problem+json). All four REST clients point at it.
 */
public class RecordedApi implements QuarkusTestResourceLifecycleManager {
    static final String MERGED = "bic-aaaaaaaaaaaa";
    static final String WITHDRAWN = "bic-bbbbbbbbbbbb";
    static final String SURVIVOR = "bic-0a1b2c3d4e5f";
    /** The one key the recorded API accepts for writes (as a submitter); any other is refused with 403. */
    static final String SUBMITTER_KEY = "submitter-key-for-rendering-tests";
    /** An identity provider's access token as the portal forwards it (the recorded API accepts it like the key). */
    static final String ACCESS_TOKEN = "eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJqYW5lIiwiZXhwIjo0MTAyNDQ0ODAwfQ.c2lnbmVk";
    /** A dataset id the recorded API refuses to add (422 with a field error, as the catalog's validation answers). */
    static final String UNKNOWN_DATASET = "bic-000000000000";
    /** The bodies of the writes the pages sent, in order. */
    static final List<String> WRITES = new CopyOnWriteArrayList<>();
    /** The Authorization header of every write the recorded API accepted, in order. */
    static final List<String> AUTHORIZATIONS = new CopyOnWriteArrayList<>();
    /** Every request path with its query, in order: the tests check what the pages asked for. */
    static final List<String> REQUESTS = new CopyOnWriteArrayList<>();

    private HttpServer server;

    @Override
    public Map<String, String> start() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new IllegalStateException("cannot start the recorded API", e);
        }
        server.createContext("/", this::handle);
        server.start();
        String url = "http://127.0.0.1:" + server.getAddress().getPort();
        return Map.of("quarkus.rest-client.catalog.url", url, "quarkus.rest-client.search.url", url,
                "quarkus.rest-client.reuse.url", url, "quarkus.rest-client.harvester.url", url);
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop(0);
        }
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            String query = exchange.getRequestURI().getRawQuery();
            REQUESTS.add(path + (query == null ? "" : "?" + query));
            if (!"GET".equals(exchange.getRequestMethod())) {
                write(exchange, path);
                return;
            }
            if (path.equals("/api/v1/datasets/" + MERGED)) {
                exchange.getResponseHeaders().add("Location", "http://127.0.0.1/api/v1/datasets/" + SURVIVOR);
                problem(exchange, 301, "merged", "dataset " + MERGED + " was merged into " + SURVIVOR);
                return;
            }
            if (path.equals("/api/v1/datasets/" + WITHDRAWN)) {
                problem(exchange, 410, "withdrawn", "dataset " + WITHDRAWN + " was withdrawn by its archive");
                return;
            }
            String accept = exchange.getRequestHeaders().getFirst("Accept");
            boolean jsonLd = accept != null && accept.contains("application/ld+json");
            String name = path.replaceFirst("^/api/v1/", "").replace("/", "__") + (jsonLd ? ".jsonld" : ".json");
            try (InputStream in = RecordedApi.class.getResourceAsStream("/api/" + name)) {
                if (in == null) {
                    problem(exchange, 404, "not-found", "no answer recorded for " + path);
                    return;
                }
                byte[] body = in.readAllBytes();
                exchange.getResponseHeaders().add("Content-Type", jsonLd ? "application/ld+json" : "application/json");
                exchange.sendResponseHeaders(200, body.length);
                exchange.getResponseBody().write(body);
            }
        }
    }

    /**
     * A write: refused with 403 unless it carries the submitter key or the access token; else the API's other
     * refusals where the catalog gives them (a request that does not exist: 404; a collection changed meanwhile:
     * 409; an unknown dataset: 422 with its field), else recorded and answered.
     */
    private static void write(HttpExchange exchange, String path) throws IOException {
        String auth = exchange.getRequestHeaders().getFirst("Authorization");
        if (!("Bearer " + SUBMITTER_KEY).equals(auth) && !("Bearer " + ACCESS_TOKEN).equals(auth)) {
            problem(exchange, 403, "forbidden", "this key may not " + exchange.getRequestMethod() + " " + path);
            return;
        }
        String sent = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        if (path.equals("/api/v1/wanted/404/vote")) {
            problem(exchange, 404, "not-found", "no request has the id 404");
            return;
        }
        if (exchange.getRequestMethod().equals("PUT") && sent.contains("\"title\":\"conflict")) {
            problem(exchange, 409, "conflict", "the collection changed while this was sent");
            return;
        }
        if (sent.contains(UNKNOWN_DATASET)) {
            byte[] body = ("{\"type\":\"https://bioimagecatalog.org/problems/invalid-request\",\"title\":\"invalid\","
                    + "\"status\":422,\"detail\":\"The dataset cannot be added\",\"errors\":[{\"field\":\"datasetId\","
                    + "\"message\":\"no live dataset has the id " + UNKNOWN_DATASET + "\"}]}").getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/problem+json");
            exchange.sendResponseHeaders(422, body.length);
            exchange.getResponseBody().write(body);
            return;
        }
        WRITES.add(exchange.getRequestMethod() + " " + path + " " + sent);
        AUTHORIZATIONS.add(auth);
        byte[] body = "{\"id\":8,\"votes\":1}".getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(exchange.getRequestMethod().equals("POST") ? 201 : 200, body.length);
        exchange.getResponseBody().write(body);
    }

    private static void problem(HttpExchange exchange, int status, String kind, String detail) throws IOException {
        byte[] body = ("{\"type\":\"https://bioimagecatalog.org/problems/" + kind + "\",\"title\":\"" + kind
                + "\",\"status\":" + status + ",\"detail\":\"" + detail + "\"}").getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/problem+json");
        exchange.sendResponseHeaders(status, body.length);
        exchange.getResponseBody().write(body);
    }
}
