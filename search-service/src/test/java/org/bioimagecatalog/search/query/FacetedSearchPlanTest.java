package org.bioimagecatalog.search.query;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.bioimagecatalog.model.ModelJson;
import org.bioimagecatalog.search.index.TextAnalysis;
import org.junit.jupiter.api.Test;

class FacetedSearchPlanTest {
    private final SearchQueryBuilder builder = new SearchQueryBuilder(30);
    private final TextAnalysis standard = new TextAnalysis(TextAnalysis.STANDARD);

    @Test
    void withoutParallelCountsASearchWithoutFiltersStaysOneBody() {
        var body = builder.build(new SearchRequest("mitosis", Map.of(), 1, 20), standard);

        var plan = FacetedSearchPlan.of(body, false);

        assertThat(plan.single()).isTrue();
        assertThat(plan.body()).isSameAs(body);
    }

    @Test
    void withParallelCountsTheHitsAndTheCountsAreSearchesSideBySide() throws Exception {
        var request = new SearchRequest("mitosis", Map.of(), 1, 20);
        var body = builder.build(request, standard);

        var plan = FacetedSearchPlan.of(body, true);

        assertThat(plan.searches()).hasSize(2);
        var hits = plan.searches().get(0);
        assertThat(hits.has("aggs")).isFalse();
        assertThat(hits.path("query")).isEqualTo(body.path("query"));
        assertThat(hits.has("highlight")).isTrue();
        assertThat(hits.has("suggest")).isTrue();
        var counts = plan.searches().get(1);
        assertThat(counts.path("size").asInt()).isZero();
        assertThat(counts.path("query")).isEqualTo(body.path("query"));
        assertThat(counts.path("aggs")).isEqualTo(body.path("aggs"));

        var merged = plan.merge(List.of(answer("""
                {"hits": {"total": {"value": 2}, "hits": [{"_id": "bic-1", "_source": {"title": "t"}}]}}
                """), answer("""
                {"hits": {"hits": []}, "aggregations": {"source": {"buckets": [{"key": "idr", "doc_count": 2}]}}}
                """)));
        var result = new SearchResultMapper(300).map(merged, request);
        assertThat(result.total()).isEqualTo(2);
        assertThat(result.facets().get("source")).containsExactly(new FacetValue("idr", 2));
    }

    @Test
    void aCursorPageStaysOneBodyOnItsPointInTime() {
        var after = JsonNodeFactory.instance.arrayNode().add(1).add("bic-1");
        var request = new SearchRequest("", Map.of(Facet.SOURCE, List.of("idr")), RangeFilters.NONE, null, 2, 10,
                new SearchRequest.Continuation(after, "pit-1"));

        assertThat(FacetedSearchPlan.of(builder.build(request, standard)).single()).isTrue();
    }

    @Test
    void eachSetOfFiltersBecomesASearchWithTheFiltersInItsQuery() {
        var request = new SearchRequest("yeast", Map.of(Facet.SOURCE, List.of("idr"), Facet.LICENSE, List.of("CC0-1.0")),
                RangeFilters.NONE, null, 1, 20, null);
        var body = builder.build(request, standard);

        var plan = FacetedSearchPlan.of(body, false);

        // hits with every other facet; source counted without its filter; license without its own
        assertThat(plan.searches()).hasSize(3);
        var main = plan.searches().get(0);
        assertThat(main.has("post_filter")).isFalse();
        assertThat(main.path("query").path("bool").path("must").path(0)).isEqualTo(body.path("query"));
        assertThat(main.path("query").path("bool").path("filter").path(0)).isEqualTo(body.path("post_filter"));
        assertThat(main.path("size").asInt()).isEqualTo(20);
        assertThat(main.has("highlight")).isTrue();
        assertThat(main.path("aggs").has("organism")).isTrue();
        assertThat(main.path("aggs").has("source")).isFalse();
        assertThat(main.path("aggs").has("license")).isFalse();
        for (var counts : plan.searches().subList(1, 3)) {
            assertThat(counts.path("size").asInt()).isZero();
            assertThat(counts.has("highlight")).isFalse();
            assertThat(counts.path("query").path("bool").path("must").path(0)).isEqualTo(body.path("query"));
            assertThat(counts.path("aggs").size()).isEqualTo(1);
        }
        assertThat(plan.searches().get(1).path("query").toString()).contains("CC0-1.0").doesNotContain("\"idr\"");
        assertThat(plan.searches().get(2).path("query").toString()).contains("\"idr\"").doesNotContain("CC0-1.0");
        String[] lines = plan.msearch("datasets").split("\n");
        assertThat(lines).hasSize(6);
        assertThat(lines[0]).isEqualTo("{\"index\":\"datasets\"}");
    }

    @Test
    void withParallelCountsTheFacetsUnderAllFiltersAreCountedBesideTheHits() {
        var request = new SearchRequest("yeast", Map.of(Facet.SOURCE, List.of("idr"), Facet.LICENSE, List.of("CC0-1.0")),
                RangeFilters.NONE, null, 1, 20, null);
        var body = builder.build(request, standard);

        var plan = FacetedSearchPlan.of(body, true);

        assertThat(plan.searches()).hasSize(4);
        assertThat(plan.searches().get(0).has("aggs")).isFalse();
        assertThat(plan.searches().get(0).path("query").path("bool").path("filter").path(0))
                .isEqualTo(body.path("post_filter"));
        assertThat(plan.searches().subList(1, 4)).allSatisfy(counts -> assertThat(counts.path("size").asInt()).isZero());
    }

    @Test
    void theAnswersArePutBackInTheShapeOfTheOneBody() throws Exception {
        var request = new SearchRequest("", Map.of(Facet.SOURCE, List.of("idr")), RangeFilters.NONE, null, 1, 20, null);
        var body = builder.build(request, standard);
        var plan = FacetedSearchPlan.of(body, false);
        // one filter: the hits with the facets under it; source (with its own filter left out) under no filter
        assertThat(plan.searches()).hasSize(2);
        assertThat(plan.searches().get(1).path("query")).as("the query alone").isEqualTo(body.path("query"));

        List<EsSearchAnswer> answers = new ArrayList<>();
        answers.add(answer("""
                {"hits": {"total": {"value": 7}, "hits": [{"_id": "bic-1", "_source": {"title": "t"}}]},
                 "aggregations": {"organism": {"buckets": [{"key": "4932|Saccharomyces cerevisiae", "doc_count": 7}]}}}
                """));
        answers.add(answer("""
                {"hits": {"hits": []},
                 "aggregations": {"source": {"buckets": [{"key": "idr", "doc_count": 7}, {"key": "bia", "doc_count": 3}]}}}
                """));

        var merged = plan.merge(answers);

        var result = new SearchResultMapper(300).map(merged, request);
        assertThat(result.total()).isEqualTo(7);
        assertThat(result.items()).hasSize(1);
        assertThat(result.facets().get("source")).containsExactly(new FacetValue("idr", 7), new FacetValue("bia", 3));
        assertThat(result.facets().get("organism"))
                .containsExactly(new FacetValue("4932", "Saccharomyces cerevisiae", 7));
        String group = body.path("aggs").properties().stream().map(Map.Entry::getKey)
                .filter(n -> n.startsWith(SearchQueryBuilder.FACET_GROUP)).findFirst().orElseThrow();
        assertThat(merged.aggregations().get(group).has("organism")).as("under the group's own name").isTrue();
    }

    private static EsSearchAnswer answer(String json) throws Exception {
        JsonNode tree = ModelJson.mapper().readTree(json);
        return ModelJson.mapper().treeToValue(tree, EsSearchAnswer.class);
    }
}
