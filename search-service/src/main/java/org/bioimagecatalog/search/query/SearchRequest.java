package org.bioimagecatalog.search.query;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;

/**
 * A validated search: free text (may be blank), selected facet values, range filters, the order, and either a
 * classic page or a position after which to continue ({@link Continuation}, from a cursor).
 */
public record SearchRequest(String q, Map<Facet, List<String>> filters, RangeFilters ranges, SortOrder sort,
        int page, int size, Continuation continuation) {
    public SearchRequest {
        q = q == null ? "" : q;
        filters = Map.copyOf(filters);
        ranges = ranges == null ? RangeFilters.NONE : ranges;
        sort = sort == null ? (q.isBlank() ? SortOrder.NEWEST : SortOrder.RELEVANCE) : sort;
    }

    /** A first-pages request with the default order. */
    public SearchRequest(String q, Map<Facet, List<String>> filters, int page, int size) {
        this(q, filters, RangeFilters.NONE, null, page, size, null);
    }

    public boolean hasText() {
        return !q.isBlank();
    }

    public int from() {
        return (page - 1) * size;
    }

    public boolean continues() {
        return continuation != null;
    }

    /** Where a cursor left off: the sort values of the last hit shown, and the point in time, once opened. */
    public record Continuation(JsonNode searchAfter, String pitId) {
        public Continuation withPit(String id) {
            return new Continuation(searchAfter, id);
        }
    }

    public SearchRequest withContinuation(Continuation next) {
        return new SearchRequest(q, filters, ranges, sort, page, size, next);
    }
}
