package org.bioimagecatalog.search.query;

import java.util.List;
import java.util.Map;

/** Query parameters exactly as received, before validation. */
public record SearchParameters(String q, Map<Facet, List<String>> filters, String page, String size) {}
