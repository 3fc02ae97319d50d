package org.bioimagecatalog.search.query;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.bioimagecatalog.model.ModelJson;

/**
 * What an opaque {@code cursor} carries: the whole search (so the client sends nothing else), the page it
 * leads to, the sort values of the last hit shown, and the point-in-time id once one is open. It is base64url
 * JSON, not a secret: everything in it is validated again when it comes back, and the engine checks the PIT id.
 */
public record SearchCursor(int v, String q, Map<String, List<String>> filters, Integer releasedFrom,
        Integer releasedTo, Boolean hasReuse, Integer minQuality, String sort, int size, int page,
        JsonNode searchAfter, String pit) {

    static final int VERSION = 1;

    /** The cursor to the page after {@code request}'s, continuing after {@code lastSortValues}. */
    static SearchCursor next(SearchRequest request, JsonNode lastSortValues, String pitId) {
        Map<String, List<String>> filters = new LinkedHashMap<>();
        request.filters().forEach((facet, values) -> filters.put(facet.param(), values));
        RangeFilters r = request.ranges();
        return new SearchCursor(VERSION, request.q(), filters, r.releasedFrom(), r.releasedTo(), r.hasReuse(),
                r.minQuality(), request.sort().param(), request.size(), request.page() + 1, lastSortValues, pitId);
    }

    String encode() {
        try {
            return Base64.getUrlEncoder().withoutPadding().encodeToString(ModelJson.mapper().writeValueAsBytes(this));
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("cannot serialise a cursor", e);
        }
    }

    /** @throws IllegalArgumentException when the text is not a cursor this service wrote */
    static SearchCursor decode(String text) {
        String json = new String(Base64.getUrlDecoder().decode(text.strip()), StandardCharsets.UTF_8);
        SearchCursor cursor = ModelJson.read(json, SearchCursor.class);
        if (cursor.v() != VERSION || cursor.searchAfter() == null || !cursor.searchAfter().isArray()) {
            throw new IllegalArgumentException("not a search cursor");
        }
        return cursor;
    }

    /** The cursor's search as parameters, to be validated like a request's. */
    SearchParameters parameters() {
        Map<Facet, List<String>> byFacet = new EnumMap<>(Facet.class);
        for (Facet facet : Facet.values()) {
            if (filters != null && filters.containsKey(facet.param())) {
                byFacet.put(facet, filters.get(facet.param()));
            }
        }
        return new SearchParameters(q, byFacet, String.valueOf(page), String.valueOf(size), text(releasedFrom),
                text(releasedTo), text(hasReuse), text(minQuality), sort, null);
    }

    private static String text(Object value) {
        return value == null ? null : value.toString();
    }
}
