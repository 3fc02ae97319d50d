package org.bioimagecatalog.harvester.http;

import java.net.URI;
import java.util.Locale;

/** A successful GET: the final URI (after redirects), its content type and body. */
public record FetchedResource(URI uri, String contentType, byte[] body) {

    public boolean isHtml() {
        if (contentType != null && contentType.toLowerCase(Locale.ROOT).contains("html")) {
            return true;
        }
        String start = new String(body, 0, Math.min(body.length, 256), java.nio.charset.StandardCharsets.ISO_8859_1)
                .stripLeading().toLowerCase(Locale.ROOT);
        return start.startsWith("<!doctype html") || start.startsWith("<html");
    }
}
