package org.bioimagecatalog.search;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
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
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.bioimagecatalog.model.api.Problem;
import org.bioimagecatalog.testsupport.StackTestResource;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;

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

    @TestHTTPResource("/widget/demo.html")
    java.net.URL demoPage;

    @BeforeEach
    void publishCorpusOnce() {
        if (corpusIndexed) {
            return;
        }
        try (TestPublisher publisher = new TestPublisher()) {
            publisher.raw("bic-ds-1001", TestDatasets.pombeScreenWithQualityJson());
            publisher.dataset(TestDatasets.u2osAtlas());
            publisher.dataset(TestDatasets.ribosomeCryoEm());
            publisher.dataset(TestDatasets.helaMitosis());
            publisher.reuse(TestDatasets.reuse("bic-ds-1003", 5, 8));
        }
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() ->
                given().get(SEARCH).then().statusCode(200).body("total", equalTo(4)));
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> given().queryParam("q", "emetine").get(SEARCH)
                .then().statusCode(200).body("items[0].reuseCount", equalTo(5)));
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
                .body("facets.organism", equalTo(List.of(facet("9606", "Homo sapiens", 2),
                        facet("5833", "Plasmodium falciparum", 1), facet("4896", "Schizosaccharomyces pombe", 1))))
                // the cryo-EM label came without an id: FBbi's reviewed mapping makes it TEM, named as FBbi does
                .body("facets.imagingMethod", equalTo(List.of(facet("FBbi:00000246", "fluorescence microscopy", 2),
                        facet("FBbi:00000253", "spinning disk confocal microscopy", 1),
                        facet("FBbi:00000249", "time lapse microscopy", 1),
                        facet("FBbi:00000258", "transmission electron microscopy (TEM)", 1))))
                .body("facets.license", equalTo(List.of(facet("CC-BY-4.0", 2), facet("CC0-1.0", 2))));
    }

    @Test
    void filteringByOrganismNarrowsResultsButKeepsTheOtherOrganismsCounts() {
        given().queryParam("organism", "Homo sapiens").get(SEARCH).then()
                .statusCode(200)
                .body("total", equalTo(2))
                .body("items.id", contains("bic-ds-1002", "bic-ds-1004"))
                .body("facets.organism", equalTo(List.of(facet("9606", "Homo sapiens", 2),
                        facet("5833", "Plasmodium falciparum", 1), facet("4896", "Schizosaccharomyces pombe", 1))))
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
                .body("facets.organism", equalTo(List.of(facet("9606", "Homo sapiens", 1))));
    }

    @Test
    void filterValuesMayBeOntologyIds() {
        given().queryParam("organism", "4896").get(SEARCH).then()
                .statusCode(200).body("items.id", contains("bic-ds-1001"));
        given().queryParam("imagingMethod", "FBbi:00000258").get(SEARCH).then()
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
                .body("mappingVersion", equalTo(org.bioimagecatalog.search.index.DatasetIndexMapping.VERSION))
                .body("documents", equalTo(4));
    }

    @Test
    void formatStudyTypeYearReuseAndQualityAreFacetsToo() {
        given().get(SEARCH).then()
                .statusCode(200)
                // only formats with a vocabulary id are buckets; the others are still filters by name
                .body("facets.format", equalTo(List.of(facet("format_3727", "OME-TIFF", 1))))
                .body("facets.studyType", equalTo(List.of(facet("high content screen", 1))))
                .body("facets.releaseYear", equalTo(List.of(facet("2021", 1), facet("2019", 1), facet("2016", 1),
                        facet("2014", 1))))
                .body("facets.hasReuse", equalTo(List.of(facet("false", 3), facet("true", 1))))
                .body("facets.quality", equalTo(List.of(facet("0", 1), facet("50", 1), facet("80", 1))))
                .body("items.find { it.id == 'bic-ds-1001' }.quality", equalTo(85))
                .body("items.find { it.id == 'bic-ds-1001' }.formats", contains("OME-TIFF"))
                .body("items.find { it.id == 'bic-ds-1001' }.studyTypes", contains("high content screen"))
                .body("items.find { it.id == 'bic-ds-1002' }.quality", equalTo(null));
    }

    @Test
    void newFiltersNarrowTheResultsAndKeepTheirOwnFacetOpen() {
        given().queryParam("releasedFrom", 2016).queryParam("releasedTo", 2019).get(SEARCH).then()
                .statusCode(200)
                .body("items.id", contains("bic-ds-1004", "bic-ds-1001"))
                .body("facets.releaseYear.size()", equalTo(4))
                .body("facets.source", equalTo(List.of(facet("idr", 2))));
        given().queryParam("hasReuse", "true").get(SEARCH).then()
                .statusCode(200).body("items.id", contains("bic-ds-1003"))
                .body("facets.hasReuse", equalTo(List.of(facet("false", 3), facet("true", 1))));
        given().queryParam("hasReuse", "false").get(SEARCH).then()
                .statusCode(200).body("total", equalTo(3));
        given().queryParam("minQuality", 80).get(SEARCH).then()
                .statusCode(200).body("items.id", contains("bic-ds-1001"))
                .body("facets.quality", equalTo(List.of(facet("0", 1), facet("50", 1), facet("80", 1))));
        given().queryParam("format", "MRC", "OME-Zarr").get(SEARCH).then()
                .statusCode(200).body("items.id", contains("bic-ds-1002", "bic-ds-1003"));
        given().queryParam("studyType", "high content screen").get(SEARCH).then()
                .statusCode(200).body("items.id", contains("bic-ds-1001"));
        assertBadRequest(Map.of("releasedFrom", "twenty"), "releasedFrom");
        assertBadRequest(Map.of("releasedFrom", "2020", "releasedTo", "2010"), "releasedTo");
        assertBadRequest(Map.of("hasReuse", "maybe"), "hasReuse");
        assertBadRequest(Map.of("minQuality", "101"), "minQuality");
        assertBadRequest(Map.of("sort", "random"), "sort");
    }

    @Test
    void sortsByNewestMostReusedOrRelevanceBlendedWithReuse() {
        given().queryParam("sort", "most-reused").get(SEARCH).then()
                .statusCode(200).body("items.id", contains("bic-ds-1003", "bic-ds-1002", "bic-ds-1004", "bic-ds-1001"));
        given().queryParam("q", "fluorescence").queryParam("sort", "newest").get(SEARCH).then()
                .statusCode(200).body("items.id", contains("bic-ds-1002", "bic-ds-1004"));
        // without text every score is equal, so relevance is the reuse term alone: the reused dataset leads
        given().queryParam("sort", "relevance").get(SEARCH).then()
                .statusCode(200).body("items.id", contains("bic-ds-1003", "bic-ds-1002", "bic-ds-1004", "bic-ds-1001"));
    }

    @Test
    void cursorWalksEveryPageInOrderAndEndsWithoutCursor() {
        Response first = given().queryParam("size", 1).queryParam("organism", "Homo sapiens", "Schizosaccharomyces pombe")
                .get(SEARCH);
        first.then().statusCode(200).body("total", equalTo(3)).body("items.id", contains("bic-ds-1002"));
        String cursor = first.path("cursor");
        Response second = given().queryParam("cursor", cursor).get(SEARCH);
        second.then().statusCode(200).body("page", equalTo(2)).body("total", equalTo(3))
                .body("items.id", contains("bic-ds-1004"))
                .body("facets.organism.size()", equalTo(3));
        Response third = given().queryParam("cursor", (String) second.path("cursor")).get(SEARCH);
        third.then().statusCode(200).body("page", equalTo(3)).body("items.id", contains("bic-ds-1001"))
                .body("cursor", equalTo(null));
        assertBadRequest(Map.of("cursor", "not-a-cursor"), "cursor");
        assertBadRequest(Map.of("cursor", java.util.Base64.getUrlEncoder().encodeToString(
                "{\"v\":1,\"size\":1,\"page\":2,\"searchAfter\":[{\"match_all\":{}}]}".getBytes())), "cursor");
    }

    @Test
    void suggestCompletesTitlesFromAnyFirstWordOrganismsAndMethods() {
        given().queryParam("prefix", "fiss").get(SEARCH + "/suggest").then()
                .statusCode(200)
                .body("titles.id", contains("bic-ds-1001"))
                .body("titles[0].title", startsWith("Genome-wide screen of fission yeast"));
        given().queryParam("prefix", "Homo").get(SEARCH + "/suggest").then()
                .statusCode(200).body("organisms", contains("Homo sapiens"));
        given().queryParam("prefix", "fluor").get(SEARCH + "/suggest").then()
                .statusCode(200).body("imagingMethods", contains("fluorescence microscopy"));
        given().get(SEARCH + "/suggest").then()
                .statusCode(400).contentType(Problem.MEDIA_TYPE).body("errors[0].field", equalTo("prefix"));
    }

    @Test
    void similarListsLikeDatasetsButNotItself() {
        given().queryParam("size", 3).get(SEARCH + "/similar/bic-ds-1004").then()
                .statusCode(200)
                .body("items.id", hasItem("bic-ds-1002"))
                .body("items.id", not(hasItem("bic-ds-1004")));
        given().get(SEARCH + "/similar/bic-ds-nope").then()
                .statusCode(404).contentType(Problem.MEDIA_TYPE).body("type", equalTo(Problem.TYPE_BASE + "not-found"));
    }

    @Test
    void openSearchDescriptionPointsAtTheApi() {
        given().get("/opensearch.xml").then()
                .statusCode(200)
                .contentType(startsWith("application/opensearchdescription+xml"))
                .body(containsString("<ShortName>BioImage Catalog</ShortName>"))
                .body(containsString("/api/v1/search?q={searchTerms}"))
                .body(containsString("/api/v1/search/suggest?prefix={searchTerms}"));
    }

    @Test
    void widgetInHeadlessChromiumSearchesFiltersPagesAndHighlights() throws Exception {
        Assumptions.assumeTrue(WidgetBrowser.available(), "skipped: /usr/bin/chromium or /usr/bin/chromedriver is"
                + " missing; run bin/lib/ensure-chromium.sh (Debian packages chromium and chromium-driver)");
        try (WidgetBrowser browser = WidgetBrowser.start()) {
            browser.open(demoPage.toString());
            browser.untilStatus("4 datasets");

            WebElement input = browser.find("input[type=search]");
            input.sendKeys("microscopy", Keys.ENTER);
            browser.untilStatus("4 datasets");
            browser.until(d -> browser.find(".page").getText().equals("Page 1 of 2"));
            List<String> firstPage = ids(browser);
            assertThat(firstPage).hasSize(2);

            browser.find("button.next").click();
            browser.until(d -> browser.find(".page").getText().equals("Page 2 of 2"));
            List<String> secondPage = ids(browser);
            assertThat(secondPage).hasSize(2).doesNotContainAnyElementsOf(firstPage);
            assertThat(browser.find("button.next").isEnabled()).isFalse();

            // a facet chosen with the keyboard: focus the checkbox, press space; it shows the name, filters by id
            WebElement human = browser.find("fieldset[data-facet=organism] input[value='9606']");
            assertThat(browser.find("fieldset[data-facet=organism] label.value").getText()).startsWith("Homo sapiens");
            human.sendKeys(Keys.SPACE);
            browser.untilStatus("2 datasets");
            browser.until(d -> browser.find(".page").getText().equals("Page 1 of 1"));
            assertThat(ids(browser)).containsExactlyInAnyOrder("bic-ds-1002", "bic-ds-1004");
            assertThat(browser.find("fieldset[data-facet=organism] input[value='9606']").isSelected()).isTrue();

            input = browser.find("input[type=search]");
            input.clear();
            input.sendKeys("HeLa", Keys.ENTER);
            browser.untilStatus("1 dataset");
            assertThat(browser.find("li.result h3 em.hit").getText()).isEqualTo("HeLa");
            assertThat(browser.find("form").getAttribute("role")).isEqualTo("search");
            assertThat(browser.find(".status").getAttribute("aria-live")).isEqualTo("polite");

            java.nio.file.Path shot = browser.screenshot(java.nio.file.Path.of("target", "widget-e2e",
                    "bioimage-search.png"));
            assertThat(shot).isNotEmptyFile();
        }
    }

    private static List<String> ids(WidgetBrowser browser) {
        return browser.findAll("li.result").stream().map(li -> li.getAttribute("data-id")).toList();
    }

    @Test
    void widgetScriptAndDemoAreServed() {
        given().get("/widget/bioimage-search.js").then()
                .statusCode(200).body(containsString("customElements.define('bioimage-search'"));
        given().get("/widget/demo.html").then()
                .statusCode(200).body(containsString("<bioimage-search page-size=\"2\">"));
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
        return facet(value, value, count);
    }

    private static Map<String, Object> facet(String value, String name, int count) {
        return Map.of("value", value, "name", name, "count", count);
    }

    private static org.hamcrest.Matcher<Iterable<? super String>> everyItemLacks(String word) {
        return not(hasItem(containsString(word)));
    }
}
