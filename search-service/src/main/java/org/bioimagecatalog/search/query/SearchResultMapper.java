package org.bioimagecatalog.search.query;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.bioimagecatalog.search.SearchConfig;

/** Maps an Elasticsearch search answer to the API's {@link SearchResult}. */
@ApplicationScoped
public class SearchResultMapper {
    private final int descriptionChars;

    public SearchResultMapper(SearchConfig config) {
        this.descriptionChars = config.query().descriptionChars();
    }

    public SearchResult map(JsonNode answer, SearchRequest request) {
        List<SearchHit> items = new ArrayList<>();
        for (JsonNode hit : answer.path("hits").path("hits")) {
            items.add(hit(hit));
        }
        Map<String, List<FacetValue>> facets = new LinkedHashMap<>();
        JsonNode aggregations = answer.path("aggregations");
        for (Facet facet : Facet.values()) {
            facets.put(facet.param(), buckets(aggregations.path(facet.param()), false));
        }
        facets.put(SearchQueryBuilder.RELEASE_YEAR, buckets(aggregations.path(SearchQueryBuilder.RELEASE_YEAR), false));
        facets.put(SearchQueryBuilder.HAS_REUSE, buckets(aggregations.path(SearchQueryBuilder.HAS_REUSE), true));
        facets.put(SearchQueryBuilder.QUALITY, buckets(aggregations.path(SearchQueryBuilder.QUALITY), true));
        long total = answer.path("hits").path("total").path("value").asLong();
        return new SearchResult(total, request.page(), request.size(), items, facets,
                nextCursor(answer, request, total));
    }

    /** A cursor when more hits follow this page: the sort values of its last hit, and the PIT if open. */
    private static String nextCursor(JsonNode answer, SearchRequest request, long total) {
        JsonNode hits = answer.path("hits").path("hits");
        if (hits.isEmpty() || (long) request.page() * request.size() >= total) {
            return null;
        }
        JsonNode lastSort = hits.get(hits.size() - 1).path("sort");
        String pit = answer.path("pit_id").asText(null);
        return SearchCursor.next(request, lastSort, pit).encode();
    }

    /** Terms buckets (an array), or named buckets (filters/range, keyed), skipping empty named ones. */
    private static List<FacetValue> buckets(JsonNode aggregation, boolean keyed) {
        List<FacetValue> values = new ArrayList<>();
        JsonNode buckets = aggregation.path("values").path("buckets");
        if (keyed) {
            buckets.properties().forEach(e -> {
                long count = e.getValue().path("doc_count").asLong();
                if (count > 0) {
                    values.add(new FacetValue(e.getKey(), count));
                }
            });
        } else {
            for (JsonNode bucket : buckets) {
                values.add(new FacetValue(bucket.path("key").asText(), bucket.path("doc_count").asLong()));
            }
        }
        return values;
    }

    private SearchHit hit(JsonNode hit) {
        JsonNode source = hit.path("_source");
        Map<String, List<String>> highlights = new LinkedHashMap<>();
        hit.path("highlight").properties().forEach(e -> highlights.put(e.getKey(), strings(e.getValue())));
        String released = source.path("released").asText(null);
        return new SearchHit(
                source.path("id").asText(hit.path("_id").asText()),
                source.path("title").asText(null),
                abbreviate(source.path("description").asText(null)),
                strings(source.path("sources")),
                strings(source.path("organismFacet")),
                strings(source.path("imagingMethodFacet")),
                source.path("license").asText(null),
                released == null ? null : LocalDate.parse(released),
                source.path("reuseCount").asInt(0),
                strings(source.path("formats")),
                strings(source.path("studyTypes")),
                source.path("quality").isNumber() ? source.path("quality").asInt() : null,
                highlights);
    }

    /** The start of a description, cut at a word boundary, with an ellipsis when something was cut. */
    String abbreviate(String text) {
        if (text == null || text.length() <= descriptionChars) {
            return text;
        }
        int cut = text.lastIndexOf(' ', descriptionChars);
        if (cut < descriptionChars / 2) {
            cut = descriptionChars;
        }
        return text.substring(0, cut).stripTrailing() + "…";
    }

    private static List<String> strings(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(v -> values.add(v.asText()));
        return values;
    }
}
