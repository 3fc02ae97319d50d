package org.bioimagecatalog.search.query;

import java.util.List;
import java.util.Map;

/** A validated search: free text (may be blank), selected facet values, and the page wanted. */
public record SearchRequest(String q, Map<Facet, List<String>> filters, int page, int size) {
    public SearchRequest {
        q = q == null ? "" : q;
        filters = Map.copyOf(filters);
    }

    public boolean hasText() {
        return !q.isBlank();
    }

    public int from() {
        return (page - 1) * size;
    }
}
