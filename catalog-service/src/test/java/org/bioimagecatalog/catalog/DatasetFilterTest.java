package org.bioimagecatalog.catalog;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.startsWith;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Map;
import org.awaitility.Awaitility;
import org.bioimagecatalog.catalog.dataset.DatasetIds;
import org.bioimagecatalog.model.DatasetMetadata;
import org.bioimagecatalog.model.ImagingMethod;
import org.bioimagecatalog.model.License;
import org.bioimagecatalog.model.Organism;
import org.bioimagecatalog.model.api.Problem;
import org.bioimagecatalog.testsupport.StackTestResource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** List filters, the quality score and the per-source summary, on two datasets of an archive of their own. */
@QuarkusTest
@QuarkusTestResource(StackTestResource.class)
class DatasetFilterTest {
    private static final String SOURCE = "filtertest";
    private static final String RICH = DatasetIds.forSourceKey(SOURCE + ":rich");
    private static final String POOR = DatasetIds.forSourceKey(SOURCE + ":poor");

    private static boolean published;

    /** Once per class, in a @BeforeEach: RestAssured points at the test app only around test methods. */
    @BeforeEach
    void publishTwoDatasetsOnce() {
        if (published) {
            return;
        }
        published = true;
        CatalogTopics.publish(
                IdrRecords.record("run-f", SOURCE, "rich", IdrRecords.idr0001("rich").build()),
                IdrRecords.record("run-f", SOURCE, "poor", DatasetMetadata.builder()
                        .title("Mouse brain slices")
                        .organism(new Organism("Mus musculus", "10090"))
                        .imagingMethod(new ImagingMethod("bright-field microscopy", null))
                        .license(new License("CC0-1.0", null, "CC0"))
                        .released(LocalDate.of(2021, 3, 1))
                        .build()));
        Awaitility.await().atMost(Duration.ofSeconds(30))
                .until(() -> given().queryParam("source", SOURCE).get("/api/v1/datasets").jsonPath().getInt("total") == 2);
    }

    @Test
    void qualityScoreCountsTheRecommendedFieldsAndNamesTheMissingOnes() {
        given().get("/api/v1/datasets/{id}", RICH).then()
                .body("quality.score", equalTo(92))
                .body("quality.missing", contains("creatorOrcid"));
        given().get("/api/v1/datasets/{id}", POOR).then()
                .body("quality.score", equalTo(33))
                .body("quality.missing", contains("description", "sampleType", "publication", "creators",
                        "creatorOrcid", "size", "formats", "accessUrl"));
    }

    @Test
    void eachFilterNarrowsTheList() {
        expect(Map.of("organism", "4896"), RICH);
        expect(Map.of("organism", "NCBITaxon:10090"), POOR);
        expect(Map.of("imagingMethod", "FBbi:00000253"), RICH);
        expect(Map.of("imagingMethod", "Bright-Field Microscopy"), POOR);
        expect(Map.of("license", "cc0-1.0"), POOR);
        expect(Map.of("releasedFrom", "2020-01-01"), POOR);
        expect(Map.of("releasedTo", "2019-12-31"), RICH);
        expect(Map.of("releasedFrom", "2016-04-27", "releasedTo", "2021-03-01"), POOR, RICH);
        expect(Map.of("minQuality", "50"), RICH);
        expect(Map.of("minQuality", "33", "license", "CC-BY-4.0"), RICH);
        expect(Map.of("updatedSince", "2999-01-01"));
        expect(Map.of("updatedSince", "2020-01-01T00:00:00Z"), POOR, RICH);
    }

    @Test
    void totalIsExactWhenFewMatchAndOnRequest() {
        // a page with a next page: the total comes from RowCount, exact since the estimate is small
        given().queryParam("source", SOURCE).queryParam("limit", 1).get("/api/v1/datasets").then()
                .statusCode(200)
                .body("items", hasSize(1))
                .body("total", equalTo(2))
                .body("totalExact", equalTo(true));
        given().queryParam("source", SOURCE).queryParam("limit", 1).queryParam("count", "exact")
                .get("/api/v1/datasets").then()
                .statusCode(200)
                .body("total", equalTo(2))
                .body("totalExact", equalTo(true));
        given().queryParam("count", "roughly").get("/api/v1/datasets").then()
                .statusCode(400)
                .contentType(Problem.MEDIA_TYPE)
                .body("detail", startsWith("count: "));
    }

    @Test
    void invalidFilterValuesAre400ProblemsNamingTheParameter() {
        Map<String, String> invalid = Map.of(
                "organism", "human",
                "imagingMethod", "FBbi:123",
                "license", "CC BY",
                "releasedFrom", "2020-13-01",
                "minQuality", "101",
                "updatedSince", "yesterday");
        invalid.forEach((name, value) -> given().queryParam(name, value).get("/api/v1/datasets").then()
                .statusCode(400)
                .contentType(Problem.MEDIA_TYPE)
                .body("type", equalTo(Problem.TYPE_BASE + "invalid-request"))
                .body("detail", startsWith(name + ": ")));
        given().queryParam("releasedFrom", "2021-01-01").queryParam("releasedTo", "2020-01-01")
                .get("/api/v1/datasets").then()
                .statusCode(400)
                .body("detail", equalTo("releasedTo: must not be before releasedFrom (2021-01-01)"));
        // PostgreSQL cannot take a NUL in text: refused before any query, naming the parameter
        given().urlEncodingEnabled(false).get("/api/v1/datasets?license=CC%00BY").then()
                .statusCode(400).contentType(Problem.MEDIA_TYPE)
                .body("type", equalTo(Problem.TYPE_BASE + "invalid-request"))
                .body("errors[0].field", equalTo("license"));
    }

    @Test
    void sourcesSummariseDatasetsAndAverageQuality() {
        given().get("/api/v1/sources").then()
                .statusCode(200)
                .body("items.find { it.source == 'filtertest' }.records", equalTo(2))
                .body("items.find { it.source == 'filtertest' }.datasets", equalTo(2))
                .body("items.find { it.source == 'filtertest' }.averageQuality", equalTo(62.5f));
    }

    private static void expect(Map<String, String> filters, String... ids) {
        given().queryParam("source", SOURCE).queryParams(filters).get("/api/v1/datasets").then()
                .statusCode(200)
                .body("total", equalTo(ids.length))
                .body("items", hasSize(ids.length))
                .body("items.id", ids.length == 0 ? hasSize(0) : contains(sorted(ids)));
    }

    private static String[] sorted(String... ids) {
        return java.util.Arrays.stream(ids).sorted().toArray(String[]::new);
    }
}
