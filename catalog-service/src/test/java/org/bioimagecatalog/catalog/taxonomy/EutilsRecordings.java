package org.bioimagecatalog.catalog.taxonomy;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.bioimagecatalog.testsupport.Fixtures;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * The real NCBI E-utilities answers in {@code ../shared/fixtures/taxonomy/ncbi-eutils/}: the R-vcr cassettes
 * (plain XML bodies) and the two bare Biopython bodies, keyed by {@link #key(URI)} so that a request matches its
 * recording whatever its {@code api_key}, {@code tool}, {@code email} and {@code +}/{@code %2B} spelling.
 */
final class EutilsRecordings {
    private static final Set<String> IGNORED = Set.of("api_key", "tool", "email", "retmode");
    private static final String BASE = "https://eutils.ncbi.nlm.nih.gov/entrez/eutils/";

    private EutilsRecordings() {}

    static Path folder() {
        return Fixtures.require("taxonomy/ncbi-eutils");
    }

    /** Every recorded NCBI answer (other services in the same cassettes are left out), by request key. */
    static Map<String, byte[]> all() {
        Map<String, byte[]> answers = new LinkedHashMap<>();
        try (var files = Files.list(folder())) {
            for (Path f : files.sorted().toList()) {
                String name = f.getFileName().toString();
                if (name.endsWith(".yml")) {
                    cassette(f).forEach(answers::putIfAbsent);
                }
            }
            answers.put(key(URI.create(BASE + "efetch.fcgi?db=taxonomy&id=9615,9685&retmode=xml")),
                    Files.readAllBytes(folder().resolve("biopython-efetch-taxonomy-9615-9685.xml")));
            answers.put(key(URI.create(BASE + "esummary.fcgi?db=taxonomy&id=9913,30521")),
                    Files.readAllBytes(folder().resolve("biopython-esummary-taxonomy-9913-30521.xml")));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return answers;
    }

    /** The body of the recorded answer to a request, by its URI as recorded. */
    static byte[] body(String recordedUri) {
        byte[] body = all().get(key(URI.create(recordedUri)));
        if (body == null) {
            throw new IllegalArgumentException("no recording of " + recordedUri);
        }
        return body;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, byte[]> cassette(Path file) throws IOException {
        LoaderOptions options = new LoaderOptions();
        options.setCodePointLimit(16 * 1024 * 1024);
        Map<String, Object> doc;
        try (InputStream in = Files.newInputStream(file)) {
            doc = new Yaml(new SafeConstructor(options)).load(in);
        }
        Map<String, byte[]> out = new LinkedHashMap<>();
        for (Map<String, Object> i : (List<Map<String, Object>>) doc.get("http_interactions")) {
            String uri = (String) ((Map<String, Object>) i.get("request")).get("uri");
            Map<String, Object> response = (Map<String, Object>) i.get("response");
            Object status = ((Map<String, Object>) response.get("status")).get("status_code");
            String body = (String) ((Map<String, Object>) response.get("body")).get("string");
            if (uri.startsWith(BASE) && "200".equals(String.valueOf(status)) && body != null) {
                out.putIfAbsent(key(URI.create(uri.replace("<<entrez_api_token>>", "x"))), body.getBytes(StandardCharsets.UTF_8));
            }
        }
        return out;
    }

    /** endpoint + sorted query parameters, names lower-cased, values decoded with '+' read as a space. */
    static String key(URI uri) {
        String path = uri.getPath();
        String endpoint = path.substring(path.lastIndexOf('/') + 1);
        Map<String, String> params = new TreeMap<>();
        String query = uri.getRawQuery() == null ? "" : uri.getRawQuery();
        for (String pair : query.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String k = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8).toLowerCase();
            String v = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8).replace('+', ' ');
            if (!IGNORED.contains(k)) {
                params.put(k, v);
            }
        }
        return endpoint + "?" + params;
    }
}
