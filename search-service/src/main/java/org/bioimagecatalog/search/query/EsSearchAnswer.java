package org.bioimagecatalog.search.query;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;

/**
 * The parts of an Elasticsearch search answer that {@link SearchResultMapper} uses, bound straight from the
 * response stream: no JSON tree of the whole answer is built, and everything else in it ({@code took},
 * {@code _shards}, {@code _score}, …) is skipped by the parser. {@code _source} holds only the fields the
 * query asks for ({@link SearchQueryBuilder#SOURCE_FIELDS}); the facet aggregations (a few hundred buckets at
 * most) stay small trees. {@code ignoreUnknown} on every record makes the parser skip the rest; without it Jackson
 * buffers unknown properties of a record (it is built through its constructor).
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record EsSearchAnswer(Hits hits, Map<String, JsonNode> aggregations, @JsonProperty("pit_id") String pitId,
        Map<String, JsonNode> suggest) {

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Hits(Total total, List<Hit> hits) {
        public List<Hit> hits() {
            return hits == null ? List.of() : hits;
        }
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Total(long value) {}

    /** {@code sort} stays a small tree: its values go back into a cursor as they are. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Hit(@JsonProperty("_id") String id, @JsonProperty("_source") Source source,
            Map<String, List<String>> highlight, JsonNode sort,
            @JsonProperty("matched_queries") List<String> matchedQueries) {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Source(String id, String title, String description, List<String> sources,
            List<String> organismFacet, List<String> imagingMethodFacet, String license, String released,
            Integer reuseCount, List<String> formats, List<String> studyTypes, JsonNode quality, JsonNode doc) {}
}
