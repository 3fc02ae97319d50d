package org.bioimagecatalog.http.client;

import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * A GET's answer: the final URI (after redirects), content type, body, HTTP status (2xx unless asked for) and the
 * response headers (APIs such as the HuggingFace Hub page through a {@code Link} header).
 */
public record FetchedResource(URI uri, String contentType, byte[] body, int status, Map<String, List<String>> headers) {

    public FetchedResource(URI uri, String contentType, byte[] body) {
        this(uri, contentType, body, 200);
    }

    public FetchedResource(URI uri, String contentType, byte[] body, int status) {
        this(uri, contentType, body, status, Map.of());
    }

    /** The first value of a header, its name compared without case. */
    public Optional<String> header(String name) {
        return headers.entrySet().stream()
                .filter(h -> h.getKey() != null && h.getKey().equalsIgnoreCase(name) && !h.getValue().isEmpty())
                .map(h -> h.getValue().get(0)).findFirst();
    }

    public boolean isHtml() {
        if (contentType != null && contentType.toLowerCase(Locale.ROOT).contains("html")) {
            return true;
        }
        String start = new String(body, 0, Math.min(body.length, 256), java.nio.charset.StandardCharsets.ISO_8859_1)
                .stripLeading().toLowerCase(Locale.ROOT);
        return start.startsWith("<!doctype html") || start.startsWith("<html");
    }
}
