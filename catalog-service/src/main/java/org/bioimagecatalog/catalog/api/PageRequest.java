package org.bioimagecatalog.catalog.api;

import java.util.regex.Pattern;
import org.bioimagecatalog.catalog.CatalogConfig;

/**
 * The validated query parameters of a list request. Parameters arrive as text and are parsed here, so that
 * {@code limit=abc} is a 400 naming the parameter (JAX-RS would answer 404 for an unconvertible query param).
 */
record PageRequest(int limit, String afterId, String source) {
    private static final Pattern SOURCE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");

    static PageRequest parse(String limitText, String cursor, String source, CatalogConfig.Api api) {
        return new PageRequest(limit(limitText, api), PageCursor.decode(cursor), source(source));
    }

    private static int limit(String text, CatalogConfig.Api api) {
        if (text == null || text.isBlank()) {
            return api.defaultLimit();
        }
        int limit;
        try {
            limit = Integer.parseInt(text.strip());
        } catch (NumberFormatException e) {
            throw outOfRange(text, api);
        }
        if (limit < 1 || limit > api.maxLimit()) {
            throw outOfRange(text, api);
        }
        return limit;
    }

    private static InvalidParameterException outOfRange(String text, CatalogConfig.Api api) {
        return new InvalidParameterException("limit",
                "must be a whole number from 1 to " + api.maxLimit() + ", got '" + text + "'");
    }

    private static String source(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        if (!SOURCE.matcher(text).matches()) {
            throw new InvalidParameterException("source", "must be an archive name such as 'idr', got '" + text + "'");
        }
        return text;
    }
}
