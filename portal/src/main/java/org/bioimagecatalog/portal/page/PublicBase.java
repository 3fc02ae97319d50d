package org.bioimagecatalog.portal.page;

import jakarta.ws.rs.core.HttpHeaders;
import java.util.function.UnaryOperator;

/**
 * The site's address as the browser sees it, for absolute links (sitemap, Atom, Signposting, canonical): the scheme
 * the gateway or Ingress forwards ({@code X-Forwarded-Proto}) and the host with its port from {@code X-Forwarded-Host}
 * or {@code Host}. Read here, with Quarkus's own proxy forwarding off (application.properties), because that rewrites
 * {@code Host} to the scheme's default port when a proxy sends a scheme but no port, losing the one the client used.
 */
public final class PublicBase {
    private PublicBase() {}

    public static String of(HttpHeaders headers) {
        return of(headers::getHeaderString);
    }

    /** The same from a request's headers by name (a filter's, which has no {@link HttpHeaders}). */
    public static String of(UnaryOperator<String> header) {
        return (secure(header) ? "https" : "http") + "://" + host(header);
    }

    /** Whether the browser reached the site over HTTPS (the TLS-terminating proxy says so in X-Forwarded-Proto). */
    public static boolean secure(HttpHeaders headers) {
        return secure(headers::getHeaderString);
    }

    private static boolean secure(UnaryOperator<String> header) {
        return first(header.apply("X-Forwarded-Proto")).equals("https");
    }

    private static String host(UnaryOperator<String> header) {
        String host = first(header.apply("X-Forwarded-Host"));
        if (host.isEmpty()) {
            host = first(header.apply(HttpHeaders.HOST));
        }
        if (host.isEmpty() || !host.matches("[A-Za-z0-9.\\-\\[\\]:]+")) {
            host = "localhost";
        }
        return host;
    }

    private static String first(String value) {
        if (value == null) {
            return "";
        }
        int comma = value.indexOf(',');
        return (comma < 0 ? value : value.substring(0, comma)).trim();
    }
}
