package org.bioimagecatalog.search.query;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.util.List;
import java.util.Map;
import org.bioimagecatalog.search.index.TextAnalysis;
import org.junit.jupiter.api.Test;

class SearchQueryBuilderTest {
    private final SearchQueryBuilder builder = new SearchQueryBuilder(30, 1.5, "2m");
    private final TextAnalysis standard = new TextAnalysis(TextAnalysis.STANDARD);

    @Test
    void relevanceAddsLogOfReuseToTheTextScoreWithoutScripts() {
        var body = builder.build(new SearchRequest("mitosis", Map.of(), 1, 20), standard);

        var fs = body.path("query").path("function_score");
        assertThat(fs.path("boost_mode").asText()).isEqualTo("sum");
        var factor = fs.path("functions").path(0).path("field_value_factor");
        assertThat(factor.path("field").asText()).isEqualTo("reuseCount");
        assertThat(factor.path("modifier").asText()).isEqualTo("log1p");
        assertThat(factor.path("factor").asDouble()).isEqualTo(1.5);
        assertThat(fs.path("query").findValue("simple_query_string")).isNotNull();
        assertThat(body.path("sort").path(0).asText()).isEqualTo("_score");
        assertThat(body.toString()).doesNotContain("\"script\"").doesNotContain("script_score");
    }

    @Test
    void newestAndMostReusedSortWithoutScoring() {
        var newest = builder.build(new SearchRequest("mitosis", Map.of(), RangeFilters.NONE, SortOrder.NEWEST, 1, 20,
                null), standard);
        assertThat(newest.path("query").has("function_score")).isFalse();
        assertThat(newest.path("sort").path(0).has("released")).isTrue();
        var reused = builder.build(new SearchRequest("", Map.of(), RangeFilters.NONE, SortOrder.MOST_REUSED, 1, 20,
                null), standard);
        assertThat(reused.path("sort").path(0).path("reuseCount").path("order").asText()).isEqualTo("desc");
    }

    @Test
    void aContinuationReadsFromItsPointInTimeAfterTheLastHit() {
        var after = JsonNodeFactory.instance.arrayNode().add(1_600_000_000_000L).add("bic-ds-1");
        var request = new SearchRequest("", Map.of(Facet.FORMAT, List.of("OME-Zarr")), RangeFilters.NONE, null, 2, 10,
                new SearchRequest.Continuation(after, "pit-1"));

        var body = builder.build(request, standard);

        assertThat(body.path("pit").path("id").asText()).isEqualTo("pit-1");
        assertThat(body.path("pit").path("keep_alive").asText()).isEqualTo("2m");
        assertThat(body.path("search_after")).isEqualTo(after);
        assertThat(body.has("from")).isFalse();
        assertThat(body.path("post_filter").toString()).contains("OME-Zarr");
    }

    @Test
    void eachRangeFacetIsCountedWithoutItsOwnFilter() {
        var request = new SearchRequest("", Map.of(), new RangeFilters(2015, null, true, 50), null, 1, 20, null);

        var aggs = builder.build(request, standard).path("aggs");

        assertThat(filterOf(aggs, "releaseYear")).doesNotContain("releaseYear").contains("reuseCount")
                .contains("quality");
        assertThat(filterOf(aggs, "hasReuse")).contains("releaseYear").contains("quality");
        assertThat(filterOf(aggs, "quality")).doesNotContain("\"quality\"").contains("releaseYear");
        assertThat(filterOf(aggs, "source")).contains("releaseYear").contains("reuseCount").contains("quality");
    }

    @Test
    void facetsCountedUnderTheSameFiltersShareOneFilterAggregation() {
        var request = new SearchRequest("", Map.of(Facet.SOURCE, List.of("idr"), Facet.ORGANISM, List.of("9606")),
                RangeFilters.NONE, null, 1, 20, null);

        var aggs = builder.build(request, standard).path("aggs");

        // source under the organism filter, organism under the source filter, the other nine under both
        assertThat(aggs.size()).isEqualTo(3);
        assertThat(filterOf(aggs, "source")).contains("9606").doesNotContain("idr");
        assertThat(filterOf(aggs, "organism")).contains("idr").doesNotContain("9606");
        for (String facet : List.of("imagingMethod", "cellLine", "samplePreparation", "license", "format",
                "studyType", "releaseYear", "hasReuse", "quality")) {
            assertThat(groupOf(aggs, facet)).as(facet).isSameAs(groupOf(aggs, "license"));
            assertThat(filterOf(aggs, facet)).as(facet).contains("idr").contains("9606");
        }
    }

    @Test
    void withoutFiltersEveryFacetIsTopLevel() {
        var aggs = builder.build(new SearchRequest("mitosis", Map.of(), 1, 20), standard).path("aggs");

        assertThat(aggs.properties()).extracting(Map.Entry::getKey).containsExactly("source", "organism",
                "imagingMethod", "cellLine", "samplePreparation", "license", "format", "studyType", "releaseYear",
                "hasReuse", "quality");
        assertThat(aggs.path("organism").path("terms").path("field").asText()).isEqualTo("organismTerms");
        var years = aggs.path("releaseYear").path("date_histogram");
        assertThat(years.path("field").asText()).isEqualTo("released");
        assertThat(years.path("calendar_interval").asText()).isEqualTo("year");
        assertThat(years.path("order").path("_key").asText()).isEqualTo("desc");
        assertThat(aggs.path("hasReuse").path("range").path("field").asText()).isEqualTo("reuseCount");
        assertThat(aggs.path("hasReuse").path("range").has("missing"))
                .as("a missing value would keep Elasticsearch from counting the ranges from the points").isFalse();
    }

    @Test
    void parentsAreCountedBesideTheirFacetWithoutAFilterAggregationOfTheirOwn() {
        var hierarchy = new FacetHierarchy(Map.of(Facet.ORGANISM, List.of("40674", "4751")));
        var withParents = new SearchQueryBuilder(30, 1.0, "2m", hierarchy);
        var request = new SearchRequest("", Map.of(Facet.ORGANISM, List.of("NCBITaxon:40674"),
                Facet.SOURCE, List.of("idr")), RangeFilters.NONE, null, 1, 20, null);

        var aggs = withParents.build(request, standard).path("aggs");

        assertThat(groupOf(aggs, "organismParents")).as("no filter aggregation of its own")
                .isSameAs(groupOf(aggs, "organism"));
        var parents = groupOf(aggs, "organismParents").path("aggs").path("organismParents").path("filters")
                .path("filters");
        assertThat(parents.properties()).extracting(Map.Entry::getKey).as("keyed by id|name, named from the vocabulary")
                .containsExactly("40674|Mammalia", "4751|Fungi");
        assertThat(parents.path("40674|Mammalia").toString()).isEqualTo("{\"term\":{\"organismIds\":\"40674\"}}");
        assertThat(filterOf(aggs, "source")).as("a CURIE filters by its bare id, with descendants")
                .contains("\"organismIds\":[\"NCBITaxon:40674\",\"40674\"]");
    }

    /** The filter a facet is counted under, as JSON: match_all for a top-level facet. */
    private static String filterOf(JsonNode aggs, String facet) {
        return aggs.has(facet) ? "{\"match_all\":{}}" : groupOf(aggs, facet).path("filter").toString();
    }

    private static JsonNode groupOf(JsonNode aggs, String facet) {
        return aggs.properties().stream().map(Map.Entry::getValue).filter(g -> g.path("aggs").has(facet))
                .findFirst().orElseThrow(() -> new AssertionError(facet + " is counted nowhere in " + aggs));
    }
}
