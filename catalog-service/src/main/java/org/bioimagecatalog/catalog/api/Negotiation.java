package org.bioimagecatalog.catalog.api;

import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;

/**
 * Picks the representation a client asked for: the first of its Accept entries (in its preference order)
 * that one of {@code offered} satisfies; the first offered (JSON) when it accepts anything or sent nothing.
 */
public final class Negotiation {
    private Negotiation() {}

    public static String choose(HttpHeaders headers, String... offered) {
        for (MediaType accepted : headers.getAcceptableMediaTypes()) {
            if (accepted.isWildcardType()) {
                return offered[0];
            }
            for (String candidate : offered) {
                if (accepted.isCompatible(MediaType.valueOf(candidate))) {
                    return candidate;
                }
            }
        }
        return offered[0];
    }
}
