package org.bioimagecatalog.catalog.api;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * The opaque cursor of list endpoints: base64url of {@code v1:<last id of the page>}. Clients must not build
 * it; the version tag lets the format change (e.g. to sort keys other than the id) without breaking old ones.
 */
public final class PageCursor {
    private static final String VERSION = "v1:";

    private PageCursor() {}

    public static String after(String lastId) {
        return Base64.getUrlEncoder().withoutPadding()
                .encodeToString((VERSION + lastId).getBytes(StandardCharsets.UTF_8));
    }

    /** The id the page starts after; null for a null or empty cursor (the first page). */
    public static String decode(String cursor) {
        if (cursor == null || cursor.isEmpty()) {
            return null;
        }
        String text;
        try {
            text = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw invalid();
        }
        if (!text.startsWith(VERSION) || text.length() == VERSION.length()) {
            throw invalid();
        }
        return text.substring(VERSION.length());
    }

    private static InvalidParameterException invalid() {
        return new InvalidParameterException("cursor", "not a cursor this API issued; use the 'next' value of a page");
    }
}
