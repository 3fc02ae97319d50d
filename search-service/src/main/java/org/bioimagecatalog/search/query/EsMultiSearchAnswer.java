package org.bioimagecatalog.search.query;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;

/**
 * An {@code _msearch} answer ({@link FacetedSearchPlan}), bound from the stream like {@link EsSearchAnswer}: one
 * item per search, each with its own status and, when it failed, its error.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record EsMultiSearchAnswer(List<Item> responses) {

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Item(int status, JsonNode error, EsSearchAnswer.Hits hits, Map<String, JsonNode> aggregations,
            @JsonProperty("pit_id") String pitId, Map<String, JsonNode> suggest) {

        public boolean ok() {
            return error == null && (status == 0 || (status >= 200 && status < 300));
        }

        public EsSearchAnswer answer() {
            return new EsSearchAnswer(hits, aggregations, pitId, suggest);
        }
    }

    public List<Item> responses() {
        return responses == null ? List.of() : responses;
    }
}
