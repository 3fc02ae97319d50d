package org.bioimagecatalog.portal.page;

import jakarta.ws.rs.core.HttpHeaders;

/**
 * The site's address as the browser sees it, for absolute links (sitemap, Atom, Signposting, canonical): the scheme
 * the gateway or Ingress forwards ({@code X-Forwarded-Proto}) and the host with its port from {@code X-Forwarded-Host}
 * or {@code Host}. Read here rather than from the request's base URI because, behind a proxy that sends a scheme but
 * no port, that URI takes the scheme's default port and loses the one the client used.
 */
public final class PublicBase {
    private PublicBase() {}

    public static String of(HttpHeaders headers) {
        String proto = first(headers.getHeaderString("X-Forwarded-Proto"));
        String host = first(headers.getHeaderString("X-Forwarded-Host"));
        if (host.isEmpty()) {
            host = first(headers.getHeaderString(HttpHeaders.HOST));
        }
        if (host.isEmpty() || !host.matches("[A-Za-z0-9.\\-\\[\\]:]+")) {
            host = "localhost";
        }
        return (proto.equals("https") ? "https" : "http") + "://" + host;
    }

    private static String first(String value) {
        if (value == null) {
            return "";
        }
        int comma = value.indexOf(',');
        return (comma < 0 ? value : value.substring(0, comma)).trim();
    }
}
