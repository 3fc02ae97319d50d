package org.bioimagecatalog.harvester.idr.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.stream.Stream;

/**
 * A real loopback HTTP server answering like IDR's OMERO API from a folder of saved answers (the layout
 * {@link SavedOmeroAnswers} reads): container listings sliced by {@code offset}/{@code limit} with {@code meta}
 * (the limit clamped to {@code maxLimit} 1000, as OMERO does), and one map annotations answer for any set of
 * {@code project=}/{@code screen=} ids (an id with no saved answer has no annotations, as on the live API). Tests queue
 * faults (a status, with {@code Retry-After}) or replace an answer's body for requests containing a fragment.
 */
public final class OmeroApiServer implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int MAX_LIMIT = 1000;

    private record Fault(String fragment, Deque<Reply> replies) {}

    private record Reply(int status, Map<String, String> headers, byte[] body) {}

    private final Path root;
    private final HttpServer server;
    private final List<String> requests = new CopyOnWriteArrayList<>();
    private final List<Fault> faults = new CopyOnWriteArrayList<>();

    private OmeroApiServer(Path root) throws IOException {
        this.root = root;
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setExecutor(Executors.newFixedThreadPool(4));
        server.createContext("/", this::handle);
        server.start();
    }

    /** Serves the saved answers in {@code root}. */
    public static OmeroApiServer serve(Path root) {
        try {
            return new OmeroApiServer(root);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The self-written answers of {@code src/test/resources/idr-api}. */
    public static Path testAnswers() {
        try {
            return Path.of(OmeroApiServer.class.getClassLoader().getResource("idr-api").toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** {@code http://127.0.0.1:port/} */
    public String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/";
    }

    /** The next {@code times} requests whose decoded path + query contains {@code fragment} answer {@code status}. */
    public OmeroApiServer failNext(String fragment, int status, int times) {
        Deque<Reply> replies = new ArrayDeque<>();
        for (int i = 0; i < times; i++) {
            replies.add(new Reply(status, Map.of("Content-Type", "text/plain"), ("HTTP " + status).getBytes(StandardCharsets.UTF_8)));
        }
        faults.add(new Fault(fragment, replies));
        return this;
    }

    /** The next request containing {@code fragment} answers 429 with {@code Retry-After: seconds}. */
    public OmeroApiServer tooManyRequestsNext(String fragment, int seconds) {
        Deque<Reply> replies = new ArrayDeque<>();
        replies.add(new Reply(429, Map.of("Content-Type", "text/plain", "Retry-After", String.valueOf(seconds)),
                "slow down".getBytes(StandardCharsets.UTF_8)));
        faults.add(new Fault(fragment, replies));
        return this;
    }

    /** Every request containing {@code fragment} answers 200 with this body instead of the saved answer. */
    public OmeroApiServer answer(String fragment, String body) {
        Deque<Reply> replies = new ArrayDeque<>();
        for (int i = 0; i < 100; i++) {
            replies.add(new Reply(200, Map.of("Content-Type", "application/json"), body.getBytes(StandardCharsets.UTF_8)));
        }
        faults.add(new Fault(fragment, replies));
        return this;
    }

    /** Every request received, as decoded path + query, in order. */
    public List<String> requests() {
        return List.copyOf(requests);
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            URI uri = exchange.getRequestURI();
            String query = uri.getRawQuery() == null ? "" : URLDecoder.decode(uri.getRawQuery(), StandardCharsets.UTF_8);
            String request = uri.getPath() + (query.isEmpty() ? "" : "?" + query);
            requests.add(request);
            Reply reply = fault(request);
            if (reply == null) {
                reply = answer(uri.getPath(), arguments(query));
            }
            reply.headers().forEach((k, v) -> exchange.getResponseHeaders().set(k, v));
            exchange.sendResponseHeaders(reply.status(), reply.body().length == 0 ? -1 : reply.body().length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(reply.body());
            }
        }
    }

    private Reply fault(String request) {
        for (Fault fault : faults) {
            if (request.contains(fault.fragment())) {
                synchronized (fault) {
                    Reply reply = fault.replies().poll();
                    if (reply != null) {
                        return reply;
                    }
                }
            }
        }
        return null;
    }

    private Reply answer(String path, Map<String, List<String>> args) throws IOException {
        for (ContainerKind kind : ContainerKind.values()) {
            if (path.equals("/" + kind.listingPath())) {
                return json(listing(kind, number(args, "offset", 0), Math.min(number(args, "limit", 200), MAX_LIMIT)));
            }
        }
        if (path.equals("/" + SavedOmeroAnswers.ANNOTATIONS + "/")) {
            return json(annotations(args));
        }
        return new Reply(404, Map.of("Content-Type", "text/html"), "<h1>Not Found</h1>".getBytes(StandardCharsets.UTF_8));
    }

    private ObjectNode listing(ContainerKind kind, int offset, int limit) throws IOException {
        List<JsonNode> all = new ArrayList<>();
        Path folder = root.resolve(kind.listingPath());
        if (Files.isDirectory(folder)) {
            try (Stream<Path> pages = Files.list(folder)) {
                for (Path page : pages.sorted().toList()) {
                    JSON.readTree(page.toFile()).path("data").forEach(all::add);
                }
            }
        }
        ObjectNode answer = JSON.createObjectNode();
        ArrayNode data = answer.putArray("data");
        all.stream().skip(offset).limit(limit).forEach(data::add);
        answer.putObject("meta").put("offset", offset).put("limit", limit).put("maxLimit", MAX_LIMIT).put("totalCount", all.size());
        return answer;
    }

    private ObjectNode annotations(Map<String, List<String>> args) throws IOException {
        ObjectNode answer = JSON.createObjectNode();
        ArrayNode annotations = answer.putArray("annotations");
        Map<Long, JsonNode> experimenters = new LinkedHashMap<>();
        for (ContainerKind kind : ContainerKind.values()) {
            for (String id : args.getOrDefault(kind.parameter(), List.of())) {
                Path file = root.resolve(SavedOmeroAnswers.ANNOTATIONS).resolve(kind.parameter() + "-" + id + ".json");
                if (Files.isRegularFile(file)) {
                    JsonNode saved = JSON.readTree(file.toFile());
                    saved.path("annotations").forEach(annotations::add);
                    saved.path("experimenters").forEach(e -> experimenters.put(e.path("id").asLong(), e));
                }
            }
        }
        answer.putArray("experimenters").addAll(experimenters.values());
        return answer;
    }

    private static Reply json(JsonNode body) throws IOException {
        return new Reply(200, Map.of("Content-Type", "application/json"), JSON.writeValueAsBytes(body));
    }

    private static Map<String, List<String>> arguments(String query) {
        Map<String, List<String>> args = new LinkedHashMap<>();
        for (String pair : query.split("&")) {
            String[] kv = pair.split("=", 2);
            if (!kv[0].isEmpty()) {
                args.computeIfAbsent(kv[0], k -> new ArrayList<>()).add(kv.length > 1 ? kv[1] : "");
            }
        }
        return args;
    }

    private static int number(Map<String, List<String>> args, String name, int otherwise) {
        List<String> values = args.get(name);
        return values == null || values.isEmpty() ? otherwise : Integer.parseInt(values.get(0));
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
