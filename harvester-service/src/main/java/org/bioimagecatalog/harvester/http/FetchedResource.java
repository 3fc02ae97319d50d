package org.bioimagecatalog.harvester.http;

import java.net.URI;
import java.util.Locale;

/** A GET's answer: the final URI (after redirects), content type, body and HTTP status (2xx unless asked for). */
public record FetchedResource(URI uri, String contentType, byte[] body, int status) {

    public FetchedResource(URI uri, String contentType, byte[] body) {
        this(uri, contentType, body, 200);
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
