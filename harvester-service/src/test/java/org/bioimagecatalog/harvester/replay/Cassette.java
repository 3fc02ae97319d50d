package org.bioimagecatalog.harvester.replay;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.zip.GZIPInputStream;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * A recorded HTTP cassette in either dialect found in the shared fixtures: Ruby VCR ({@code http_interactions[]},
 * status {@code {code, message}}, bodies often {@code !binary} = base64 of a gzip stream) or VCR.py
 * ({@code interactions[]}, body in {@code body.string} — maybe {@code !!binary}, maybe gzip — or
 * {@code body.content} as plain text, status an int or {@code {code, message}}). Bodies come out decoded and
 * gunzipped, ready to be served as they were meant.
 */
public record Cassette(Path file, List<Interaction> interactions) {

    /** One recorded exchange. Headers that described the wire encoding are dropped, as the body is decoded. */
    public record Interaction(String method, URI uri, int status, Map<String, String> headers, byte[] body) {
        public String bodyText() {
            return new String(body, StandardCharsets.UTF_8);
        }
    }

    private static final Set<String> WIRE_HEADERS = Set.of("content-encoding", "transfer-encoding", "content-length",
            "connection", "keep-alive");

    public static Cassette read(Path file) {
        LoaderOptions options = new LoaderOptions();
        options.setCodePointLimit(64 * 1024 * 1024);
        Yaml yaml = new Yaml(new VcrConstructor(options));
        Map<String, Object> document;
        try (InputStream in = Files.newInputStream(file)) {
            document = yaml.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read cassette " + file, e);
        }
        Object list = document.containsKey("http_interactions") ? document.get("http_interactions")
                : document.get("interactions");
        if (!(list instanceof List<?> raw)) {
            throw new IllegalArgumentException(file + " is not a VCR cassette: no http_interactions or interactions");
        }
        List<Interaction> interactions = new ArrayList<>();
        for (Object item : raw) {
            interactions.add(interaction(map(item)));
        }
        return new Cassette(file, List.copyOf(interactions));
    }

    private static Interaction interaction(Map<String, Object> item) {
        Map<String, Object> request = map(item.get("request"));
        Map<String, Object> response = map(item.get("response"));
        Object status = response.get("status");
        int code = status instanceof Number n ? n.intValue() : ((Number) map(status).get("code")).intValue();
        Map<String, String> headers = new LinkedHashMap<>();
        map(response.getOrDefault("headers", Map.of())).forEach((name, value) -> {
            if (!WIRE_HEADERS.contains(name.toLowerCase(Locale.ROOT))) {
                headers.put(name, value instanceof List<?> l ? (l.isEmpty() ? "" : String.valueOf(l.get(0))) : String.valueOf(value));
            }
        });
        return new Interaction(String.valueOf(request.getOrDefault("method", "GET")).toUpperCase(Locale.ROOT),
                URI.create(String.valueOf(request.get("uri")).strip()), code, headers, body(map(response.get("body"))));
    }

    private static byte[] body(Map<String, Object> body) {
        Object value = body.containsKey("string") ? body.get("string") : body.get("content");
        if (value == null) {
            return new byte[0];
        }
        byte[] bytes = value instanceof byte[] b ? b : String.valueOf(value).getBytes(StandardCharsets.UTF_8);
        return gunzipIfCompressed(bytes);
    }

    private static byte[] gunzipIfCompressed(byte[] bytes) {
        if (bytes.length < 2 || (bytes[0] & 0xff) != 0x1f || (bytes[1] & 0xff) != 0x8b) {
            return bytes;
        }
        try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(bytes))) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("a recorded gzip body cannot be inflated", e);
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object value) {
        if (value == null) {
            return Map.of();
        }
        return (Map<String, Object>) value;
    }

    /** SnakeYAML's safe constructor, plus Ruby's local {@code !binary} tag read like the standard {@code !!binary}. */
    private static final class VcrConstructor extends SafeConstructor {
        VcrConstructor(LoaderOptions options) {
            super(options);
            this.yamlConstructors.put(new Tag("!binary"), new ConstructYamlBinary());
        }
    }
}
