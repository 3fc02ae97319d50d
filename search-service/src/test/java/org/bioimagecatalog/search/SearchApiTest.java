package org.bioimagecatalog.search;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.anyOf;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.lessThanOrEqualTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.bioimagecatalog.model.api.Problem;
import org.bioimagecatalog.testsupport.StackTestResource;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The search API over a small realistic corpus published on the real datasets topic: an IDR fission yeast
 * screen, two human datasets that never say "human", and an EMPIAR cryo-EM entry.
 */
@QuarkusTest
@QuarkusTestResource(StackTestResource.class)
class SearchApiTest {
    private static final String SEARCH = "/api/v1/search";
    private static boolean corpusIndexed;

    @ConfigProperty(name = "bic.elasticsearch.index-prefix")
    String indexPrefix;

    @BeforeEach
    void publishCorpusOnce() {
        if (corpusIndexed) {
            return;
        }
        try (TestPublisher publisher = new TestPublisher()) {
            publisher.dataset(TestDatasets.pombeScreen());
            publisher.dataset(TestDatasets.u2osAtlas());
            publisher.dataset(TestDatasets.ribosomeCryoEm());
            publisher.dataset(TestDatasets.helaMitosis());
        }
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() ->
                given().get(SEARCH).then().statusCode(200).body("total", equalTo(4)));
        corpusIndexed = true;
    }

    @AfterAll
    static void removeIndex() {
        TestIndices.deleteOwnIndex();
    }

    @Test
    void aWordOfATitleFindsExactlyThatDataset() {
        given().queryParam("q", "deletion").get(SEARCH).then()
                .statusCode(200)
                .body("total", equalTo(1))
                .body("items.id", contains("bic-ds-1001"))
                .body("items[0].title", equalTo(
                        "Genome-wide screen of fission yeast deletion mutants for cell shape defects"))
                .body("items[0].sources", contains("idr"))
                .body("items[0].organisms", contains("Schizosaccharomyces pombe"))
                .body("items[0].imagingMethods", contains("spinning disk confocal microscopy"))
                .body("items[0].license", equalTo("CC-BY-4.0"))
                .body("items[0].released", equalTo("2016-05-12"))
                .body("items[0].reuseCount", equalTo(0))
                .body("items[0].highlights.title", contains(
                        "Genome-wide screen of fission yeast <em>deletion</em> mutants for cell shape defects"));
    }

    @Test
    void emptyQueryListsEverythingNewestFirstWithFacetCounts() {
        given().get(SEARCH).then()
                .statusCode(200)
                .body("total", equalTo(4))
                .body("page", equalTo(1))
                .body("size", equalTo(20))
                .body("items.id", contains("bic-ds-1002", "bic-ds-1004", "bic-ds-1001", "bic-ds-1003"))
                .body("items[0].highlights", equalTo(Map.of()))
                .body("facets.source", equalTo(List.of(facet("idr", 3), facet("bia", 1), facet("empiar", 1))))
                .body("facets.organism", equalTo(List.of(facet("Homo sapiens", 2),
                        facet("Plasmodium falciparum", 1), facet("Schizosaccharomyces pombe", 1))))
                .body("facets.imagingMethod", equalTo(List.of(facet("fluorescence microscopy", 2),
                        facet("cryo-electron microscopy", 1), facet("spinning disk confocal microscopy", 1),
                        facet("time lapse microscopy", 1))))
                .body("facets.license", equalTo(List.of(facet("CC-BY-4.0", 2), facet("CC0-1.0", 2))));
    }

    @Test
    void filteringByOrganismNarrowsResultsButKeepsTheOtherOrganismsCounts() {
        given().queryParam("organism", "Homo sapiens").get(SEARCH).then()
                .statusCode(200)
                .body("total", equalTo(2))
                .body("items.id", contains("bic-ds-1002", "bic-ds-1004"))
                .body("facets.organism", equalTo(List.of(facet("Homo sapiens", 2),
                        facet("Plasmodium falciparum", 1), facet("Schizosaccharomyces pombe", 1))))
                .body("facets.source", equalTo(List.of(facet("idr", 2), facet("bia", 1))))
                .body("facets.license", equalTo(List.of(facet("CC-BY-4.0", 1), facet("CC0-1.0", 1))));
    }

    @Test
    void valuesOfOneFacetAreOredAndFacetsAreAnded() {
        given().queryParam("organism", "Homo sapiens", "Plasmodium falciparum").get(SEARCH).then()
                .statusCode(200)
                .body("total", equalTo(3))
                .body("items.id", contains("bic-ds-1002", "bic-ds-1004", "bic-ds-1003"));
        given().queryParam("organism", "Homo sapiens").queryParam("source", "bia").get(SEARCH).then()
                .statusCode(200)
                .body("total", equalTo(1))
                .body("items.id", contains("bic-ds-1002"))
                .body("facets.source", equalTo(List.of(facet("idr", 2), facet("bia", 1))))
                .body("facets.organism", equalTo(List.of(facet("Homo sapiens", 1))));
    }

    @Test
    void filterValuesMayBeOntologyIds() {
        given().queryParam("organism", "4896").get(SEARCH).then()
                .statusCode(200).body("items.id", contains("bic-ds-1001"));
        given().queryParam("imagingMethod", "FBbi:00000404").get(SEARCH).then()
                .statusCode(200).body("items.id", contains("bic-ds-1003"));
    }

    @Test
    void commonOrganismNameFindsDatasetsTaggedWithTheTaxonEvenWithoutTheWord() {
        given().queryParam("q", "human").get(SEARCH).then()
                .statusCode(200)
                .body("total", equalTo(2))
                .body("items.id", containsInAnyOrder("bic-ds-1002", "bic-ds-1004"))
                .body("items.title", everyItemLacks("human"))
                .body("items.description", everyItemLacks("human"));
        given().queryParam("q", "human mitosis").get(SEARCH).then()
                .statusCode(200).body("items.id", contains("bic-ds-1004"));
    }

    @Test
    void imagingMethodSynonymFindsTheMethodById() {
        given().queryParam("q", "cryo-em").get(SEARCH).then()
                .statusCode(200).body("total", equalTo(1)).body("items.id", contains("bic-ds-1003"));
    }

    @Test
    void accessionFindsItsDatasetWhateverTheCase() {
        given().queryParam("q", "empiar-10002").get(SEARCH).then()
                .statusCode(200).body("items.id", contains("bic-ds-1003"));
    }

    @Test
    void quotesExclusionAndEitherOperatorsWork() {
        given().queryParam("q", "\"cell shape\"").get(SEARCH).then()
                .statusCode(200).body("items.id", contains("bic-ds-1001"));
        given().queryParam("q", "fluorescence -mitosis").get(SEARCH).then()
                .statusCode(200).body("items.id", contains("bic-ds-1002"));
        given().queryParam("q", "deletion | emetine").get(SEARCH).then()
                .statusCode(200).body("items.id", containsInAnyOrder("bic-ds-1001", "bic-ds-1003"));
        given().queryParam("q", "deletion OR emetine").get(SEARCH).then()
                .statusCode(200).body("items.id", containsInAnyOrder("bic-ds-1001", "bic-ds-1003"));
        given().queryParam("q", "fluorescence NOT mitosis").get(SEARCH).then()
                .statusCode(200).body("items.id", contains("bic-ds-1002"));
    }

    @Test
    void longDescriptionsAreCutNearThreeHundredCharacters() {
        given().queryParam("q", "osteosarcoma").get(SEARCH).then()
                .statusCode(200)
                .body("items[0].id", equalTo("bic-ds-1002"))
                .body("items[0].description", startsWith("Immunofluorescence images of U2OS cells"))
                .body("items[0].description.length()", lessThanOrEqualTo(301))
                .body("items[0].description", endsWith("…"));
    }

    @Test
    void pagesFollowTheSameOrder() {
        given().queryParam("page", 2).queryParam("size", 2).get(SEARCH).then()
                .statusCode(200)
                .body("total", equalTo(4)).body("page", equalTo(2)).body("size", equalTo(2))
                .body("items.id", contains("bic-ds-1001", "bic-ds-1003"));
        given().queryParam("page", 500).queryParam("size", 20).get(SEARCH).then()
                .statusCode(200).body("items", empty());
    }

    @Test
    void queryDslAndSyntaxInTheTextIsNeverInterpretedNorAServerError() {
        List<String> hostile = List.of("{\"query\":{\"match_all\":{}}}", "title:*", "\\\"", "\"unbalanced quote",
                "*", ")(", "-", "|", "((((", "AND", "OR OR NOT", "<script>alert(1)</script>", "\u0000\u0007",
                "reuseCount:>5", "_id:bic-ds-1001", "deletion~2", "\\", "\"\"\"");
        for (String q : hostile) {
            Response response = given().queryParam("q", q).get(SEARCH);
            response.then().statusCode(anyOf(is(200), is(400)));
            if (response.statusCode() == 400) {
                response.then().contentType(Problem.MEDIA_TYPE);
            } else {
                response.then().contentType("application/json");
            }
        }
        given().queryParam("q", "{\"query\":{\"match_all\":{}}}").get(SEARCH).then()
                .statusCode(200).body("total", equalTo(0));
        given().queryParam("q", "x".repeat(501)).get(SEARCH).then()
                .statusCode(400).contentType(Problem.MEDIA_TYPE).body("errors[0].field", equalTo("q"));
    }

    @Test
    void badPagingIsABadRequestProblem() {
        assertBadRequest(Map.of("page", "0"), "page");
        assertBadRequest(Map.of("page", "-3"), "page");
        assertBadRequest(Map.of("page", "abc"), "page");
        assertBadRequest(Map.of("size", "0"), "size");
        assertBadRequest(Map.of("size", "101"), "size");
        assertBadRequest(Map.of("size", "1e3"), "size");
        assertBadRequest(Map.of("page", "101", "size", "100"), "page");
    }

    @Test
    void infoTellsTheIndexAliasAnalyserAndCount() {
        given().get(SEARCH + "/info").then()
                .statusCode(200)
                .body("index", equalTo(indexPrefix + "datasets-v1"))
                .body("alias", equalTo(indexPrefix + "datasets"))
                .body("analyzer", equalTo("standard"))
                .body("mappingVersion", equalTo(1))
                .body("documents", equalTo(4));
    }

    @Test
    void unknownPathIsAProblemNotAStackTrace() {
        given().get("/api/v1/search/nope").then()
                .statusCode(404).contentType(Problem.MEDIA_TYPE)
                .body("status", equalTo(404))
                .body("type", equalTo(Problem.TYPE_BASE + "not-found"));
    }

    @Test
    void operationalEndpointsReportReadinessMetricsAndTheApi() {
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().get("/q/health/ready").then()
                .statusCode(200).body("status", equalTo("UP"))
                .body("checks.name", hasItem("Search index"))
                .body("checks.name", hasItem("Elasticsearch cluster health check")));
        given().header("Origin", "https://portal.example.org").get(SEARCH).then()
                .statusCode(200).header("Access-Control-Allow-Origin", "https://portal.example.org");
        given().get("/q/metrics").then().statusCode(200)
                .body(containsString("bic_search_documents_indexed_total"))
                .body(containsString("bic_search_queries_total{outcome=\"ok\""));
        given().get("/q/openapi").then().statusCode(200)
                .body(containsString("BioImage Catalog search API"))
                .body(containsString("/api/v1/search/info"));
    }

    private static void assertBadRequest(Map<String, String> params, String field) {
        given().queryParams(params).get(SEARCH).then()
                .statusCode(400)
                .contentType(Problem.MEDIA_TYPE)
                .body("status", equalTo(400))
                .body("type", equalTo(Problem.TYPE_BASE + "invalid-request"))
                .body("errors.field", hasItem(field))
                .body(not(containsString("Exception")));
    }

    private static Map<String, Object> facet(String value, int count) {
        return Map.of("value", value, "count", count);
    }

    private static org.hamcrest.Matcher<Iterable<? super String>> everyItemLacks(String word) {
        return not(hasItem(containsString(word)));
    }
}
