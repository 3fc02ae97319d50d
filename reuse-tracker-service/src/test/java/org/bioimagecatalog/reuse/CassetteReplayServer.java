package org.bioimagecatalog.reuse;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.Reader;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import java.util.zip.GZIPInputStream;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * Replays recorded HTTP cassettes over real loopback HTTP: Ruby VCR ({@code http_interactions}) and VCR.py
 * ({@code interactions}) YAML, bodies as text or {@code !binary}/{@code !!binary} base64 (gunzipped when gzip).
 * A request is matched on path and query parameters in any order; {@code mailto} (a contact address, not
 * part of the question) is ignored, and DataCite's {@code page[number]=0} is its first page, as 1. Unrecorded requests answer 404. For politeness tests, requests whose
 * query contains a marker answer 429 with {@code Retry-After: 1} the first time. {@code GET /_replay/hits?q=…}
 * answers how many requests contained {@code q}.
 */
final class CassetteReplayServer implements AutoCloseable {
    private record Recorded(int status, String contentType, byte[] body) {}

    private static final Set<String> IGNORED_PARAMS = Set.of("mailto");

    private final Map<String, Recorded> recordings = new ConcurrentHashMap<>();
    private final List<String> requests = new java.util.concurrent.CopyOnWriteArrayList<>();
    private final Map<String, AtomicInteger> throttled = new ConcurrentHashMap<>();
    private final Map<String, byte[]> fallbacks = new ConcurrentHashMap<>();
    private final HttpServer server;

    CassetteReplayServer(List<Path> cassettes, Set<String> throttleOnceMarkers) throws IOException {
        for (Path cassette : cassettes) {
            load(cassette);
        }
        throttleOnceMarkers.forEach(m -> throttled.put(m, new AtomicInteger()));
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", this::handle);
        server.start();
    }

    /** What an unrecorded request to this path answers (200) instead of 404, e.g. a recorded empty search. */
    CassetteReplayServer fallback(String path, byte[] body) {
        fallbacks.put(path, body);
        return this;
    }

    /**
     * Answers the unrecorded request {@code unrecordedUri} with what was recorded for {@code recordedUri}, e.g. the
     * page after a cassette's last page with the same cassette's own empty list (the end of the results).
     */
    CassetteReplayServer alias(String unrecordedUri, String recordedUri) {
        Recorded recorded = recordings.get(key(URI.create(recordedUri)));
        if (recorded == null) {
            throw new IllegalArgumentException("not in the cassettes: " + recordedUri);
        }
        recordings.put(key(URI.create(unrecordedUri)), recorded);
        return this;
    }

    String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    @SuppressWarnings("unchecked")
    private void load(Path cassette) throws IOException {
        Yaml yaml = new Yaml(new RubyBinaryConstructor());
        Map<String, Object> root;
        try (Reader reader = Files.newBufferedReader(cassette, StandardCharsets.UTF_8)) {
            root = yaml.load(reader);
        }
        List<Map<String, Object>> interactions = (List<Map<String, Object>>) root.getOrDefault("http_interactions",
                root.get("interactions"));
        for (Map<String, Object> interaction : interactions) {
            Map<String, Object> request = (Map<String, Object>) interaction.get("request");
            Map<String, Object> response = (Map<String, Object>) interaction.get("response");
            Map<String, Object> status = (Map<String, Object>) response.get("status");
            Map<String, Object> body = (Map<String, Object>) response.get("body");
            Object content = body.containsKey("string") ? body.get("string") : body.get("content");
            byte[] bytes = content instanceof byte[] b ? gunzipIfNeeded(b)
                    : String.valueOf(content == null ? "" : content).getBytes(StandardCharsets.UTF_8);
            recordings.putIfAbsent(key(URI.create(String.valueOf(request.get("uri")))),
                    new Recorded(((Number) status.get("code")).intValue(), "application/json;charset=UTF-8", bytes));
        }
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            URI uri = exchange.getRequestURI();
            if (uri.getPath().equals("/_replay/hits")) {
                String q = URLDecoder.decode(uri.getRawQuery().replaceFirst("^q=", ""), StandardCharsets.UTF_8);
                long hits = requests.stream().filter(r -> r.contains(q)).count();
                send(exchange, 200, "text/plain", Long.toString(hits).getBytes(StandardCharsets.UTF_8));
                return;
            }
            String raw = uri.toString();
            requests.add(raw);
            for (Map.Entry<String, AtomicInteger> marker : throttled.entrySet()) {
                if (raw.contains(marker.getKey()) && marker.getValue().getAndIncrement() == 0) {
                    exchange.getResponseHeaders().set("Retry-After", "1");
                    send(exchange, 429, "text/plain", "slow down".getBytes(StandardCharsets.UTF_8));
                    return;
                }
            }
            Recorded recorded = recordings.get(key(uri));
            if (recorded == null && fallbacks.containsKey(uri.getPath())) {
                send(exchange, 200, "application/json;charset=UTF-8", fallbacks.get(uri.getPath()));
            } else if (recorded == null) {
                send(exchange, 404, "text/plain", ("not recorded: " + raw).getBytes(StandardCharsets.UTF_8));
            } else {
                send(exchange, recorded.status(), recorded.contentType(), recorded.body());
            }
        }
    }

    static String key(URI uri) {
        String query = uri.getRawQuery() == null ? "" : Arrays.stream(uri.getRawQuery().split("&"))
                .map(p -> URLDecoder.decode(p, StandardCharsets.UTF_8))
                .filter(p -> !IGNORED_PARAMS.contains(p.split("=", 2)[0]))
                // DataCite serves its first page for page[number] 0 and 1 alike
                .map(p -> p.equals("page[number]=0") ? "page[number]=1" : p)
                .sorted().collect(Collectors.joining("&"));
        return uri.getPath() + "?" + query;
    }

    private static byte[] gunzipIfNeeded(byte[] bytes) throws IOException {
        if (bytes.length < 2 || (bytes[0] & 0xff) != 0x1f || (bytes[1] & 0xff) != 0x8b) {
            return bytes;
        }
        try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(bytes))) {
            return in.readAllBytes();
        }
    }

    private static void send(HttpExchange exchange, int status, String type, byte[] body) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", type);
        exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        if (body.length > 0) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }

    /** Ruby VCR writes binary bodies with the local tag {@code !binary}; read it like YAML's {@code !!binary}. */
    private static final class RubyBinaryConstructor extends SafeConstructor {
        RubyBinaryConstructor() {
            super(new LoaderOptions());
            this.yamlConstructors.put(new Tag("!binary"), this.yamlConstructors.get(Tag.BINARY));
        }
    }
}
