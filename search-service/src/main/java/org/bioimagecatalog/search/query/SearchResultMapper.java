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
        for (Facet facet : Facet.values()) {
            List<FacetValue> values = new ArrayList<>();
            for (JsonNode bucket : answer.path("aggregations").path(facet.param()).path("values").path("buckets")) {
                values.add(new FacetValue(bucket.path("key").asText(), bucket.path("doc_count").asLong()));
            }
            facets.put(facet.param(), values);
        }
        long total = answer.path("hits").path("total").path("value").asLong();
        return new SearchResult(total, request.page(), request.size(), items, facets);
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
