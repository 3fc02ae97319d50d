package org.bioimagecatalog.search.query;

import java.util.List;
import java.util.Map;

/** Query parameters exactly as received, before validation. */
public record SearchParameters(String q, Map<Facet, List<String>> filters, String page, String size,
        String releasedFrom, String releasedTo, String hasReuse, String minQuality, String sort, String cursor) {

    public SearchParameters(String q, Map<Facet, List<String>> filters, String page, String size) {
        this(q, filters, page, size, null, null, null, null, null, null);
    }
}
