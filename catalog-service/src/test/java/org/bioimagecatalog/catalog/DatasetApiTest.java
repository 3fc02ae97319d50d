package org.bioimagecatalog.catalog;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.awaitility.Awaitility;
import org.bioimagecatalog.catalog.dataset.DatasetIds;
import org.bioimagecatalog.model.DatasetMetadata;
import org.bioimagecatalog.model.Identifier;
import org.bioimagecatalog.model.Organism;
import org.bioimagecatalog.model.api.Problem;
import org.bioimagecatalog.model.events.HarvestedRecord;
import org.bioimagecatalog.testsupport.StackTestResource;
import org.junit.jupiter.api.Test;

/** The read API over datasets that arrived through Kafka: paging, sources, errors, OpenAPI and health. */
@QuarkusTest
@QuarkusTestResource(StackTestResource.class)
class DatasetApiTest {
    /**
     * Archive names and accessions of these tests' own: other test classes of this JVM store real BBBC and EMPIAR
     * records in the same catalog, the counts below are of one archive, and a shared accession would merge.
     */
    private static final String PAGED_ARCHIVE = "pagingtest";
    private static final String LISTED_ARCHIVE = "sourcelisttest";


    @Test
    void pagingThroughTwentyFiveDatasetsWithLimitTenReturnsEachExactlyOnce() {
        List<String> accessions = IntStream.rangeClosed(901, 925).mapToObj(i -> String.format("BBBC%03d", i)).toList();
        CatalogTopics.publish(accessions.stream()
                .map(accession -> IdrRecords.record("run-bbbc", PAGED_ARCHIVE, accession, bbbc(accession)))
                .toArray(HarvestedRecord[]::new));
        List<String> expected = accessions.stream()
                .map(accession -> DatasetIds.forSourceKey(PAGED_ARCHIVE + ":" + accession))
                .sorted()
                .toList();
        Awaitility.await().atMost(Duration.ofSeconds(60))
                .until(() -> given().queryParam("source", PAGED_ARCHIVE).queryParam("limit", 1)
                        .get("/api/v1/datasets").jsonPath().getLong("total") == 25);

        List<String> seen = new ArrayList<>();
        List<Integer> pageSizes = new ArrayList<>();
        String cursor = null;
        do {
            var request = given().queryParam("source", PAGED_ARCHIVE).queryParam("limit", 10);
            if (cursor != null) {
                request.queryParam("cursor", cursor);
            }
            JsonPath page = request.get("/api/v1/datasets").then().statusCode(200).extract().jsonPath();
            assertThat(page.getLong("total")).isEqualTo(25);
            seen.addAll(page.getList("items.id", String.class));
            pageSizes.add(page.getList("items").size());
            cursor = page.getString("next");
        } while (cursor != null);

        assertThat(pageSizes).containsExactly(10, 10, 5);
        assertThat(seen).containsExactlyElementsOf(expected);
    }

    @Test
    void sourcesListRecordCountAndLastHarvestPerArchive() {
        Instant first = Instant.parse("2026-01-10T08:00:00Z");
        Instant second = Instant.parse("2026-01-10T08:05:30Z");
        CatalogTopics.publish(
                IdrRecords.recordSeenAt(first, "run-e", LISTED_ARCHIVE, "EMPIAR-10002", empiar("EMPIAR-10002")),
                IdrRecords.recordSeenAt(second, "run-e", LISTED_ARCHIVE, "EMPIAR-10028", empiar("EMPIAR-10028")));

        Awaitility.await().atMost(Duration.ofSeconds(30))
                .until(() -> given().get("/api/v1/sources").jsonPath()
                        .getList("items.findAll { it.source == '" + LISTED_ARCHIVE + "' }.records").equals(List.of(2)));
        given().get("/api/v1/sources").then()
                .statusCode(200)
                .body("items.find { it.source == '" + LISTED_ARCHIVE + "' }.deleted", equalTo(0))
                .body("items.find { it.source == '" + LISTED_ARCHIVE + "' }.lastHarvest", equalTo("2026-01-10T08:05:30Z"));
    }

    @Test
    void unknownDatasetIsA404Problem() {
        given().get("/api/v1/datasets/bic-000000000000").then()
                .statusCode(404)
                .contentType(Problem.MEDIA_TYPE)
                .body("type", equalTo(Problem.TYPE_BASE + "not-found"))
                .body("title", equalTo("Dataset not found"))
                .body("status", equalTo(404))
                .body("detail", equalTo("no dataset has the id bic-000000000000"))
                .body("instance", equalTo("/api/v1/datasets/bic-000000000000"));
        given().get("/api/v1/datasets/bic-000000000000/history").then()
                .statusCode(404)
                .contentType(Problem.MEDIA_TYPE);
    }

    @Test
    void unknownPathIsA404ProblemWithoutStackTrace() {
        given().get("/api/v1/nothing-here").then()
                .statusCode(404)
                .contentType(Problem.MEDIA_TYPE)
                .body("status", equalTo(404))
                .body("$", org.hamcrest.Matchers.not(hasKey("stackTrace")));
    }

    @Test
    void limitOutsideOneToTwoHundredIsA400Problem() {
        for (String limit : List.of("0", "201", "ten", "-5")) {
            given().queryParam("limit", limit).get("/api/v1/datasets").then()
                    .statusCode(400)
                    .contentType(Problem.MEDIA_TYPE)
                    .body("type", equalTo(Problem.TYPE_BASE + "invalid-request"))
                    // the one title of this kind in every service (service-security's ProblemResponses)
                    .body("title", equalTo("Invalid request"))
                    .body("errors.field", org.hamcrest.Matchers.contains("limit"))
                    .body("detail", equalTo("limit: must be a whole number from 1 to 200, got '" + limit + "'"));
        }
        // a body that is not JSON is the same kind and title (it was "invalid-body" here, "invalid-request" elsewhere)
        given().header("X-API-Key", org.bioimagecatalog.testsupport.TestApiKeys.curator())
                .contentType("application/json").body("{not json").post("/api/v1/collections").then()
                .statusCode(400).contentType(Problem.MEDIA_TYPE)
                .body("type", equalTo(Problem.TYPE_BASE + "invalid-request"))
                .body("title", equalTo("Invalid request"));
        given().queryParam("limit", 200).get("/api/v1/datasets").then().statusCode(200);
    }

    @Test
    void cursorThatTheApiDidNotIssueIsA400Problem() {
        for (String cursor : List.of("not-a-cursor", "%%%", "djI6Ymlj")) {
            given().queryParam("cursor", cursor).get("/api/v1/datasets").then()
                    .statusCode(400)
                    .contentType(Problem.MEDIA_TYPE)
                    .body("detail", startsWith("cursor: not a cursor this API issued"));
        }
    }

    @Test
    void lastPageHasNullNextCursor() {
        given().queryParam("source", "no-such-archive").get("/api/v1/datasets").then()
                .statusCode(200)
                .body("items", hasSize(0))
                .body("next", nullValue())
                .body("total", equalTo(0));
    }

    @Test
    void openApiDocumentDescribesTheDatasetAndSourceEndpoints() {
        given().queryParam("format", "json").get("/q/openapi").then()
                .statusCode(200)
                .body("info.title", equalTo("BioImage Catalog - catalog service"))
                .body("paths", hasKey("/api/v1/datasets/{id}"))
                .body("paths", hasKey("/api/v1/datasets/{id}/history"))
                .body("paths", hasKey("/api/v1/sources"))
                .body("paths.'/api/v1/datasets/{id}'.get.responses", hasKey("410"))
                .body("paths.'/api/v1/datasets/{id}'.get.responses", hasKey("301"))
                .body("paths", hasKey("/api/v1/datasets/{id}/split"))
                .body("paths", hasKey("/api/v1/datasets/{id}/join"))
                .body("paths", hasKey("/oai"));
    }

    @Test
    void readinessChecksDatabaseAndKafka() {
        given().get("/q/health/ready").then()
                .statusCode(200)
                .body("status", equalTo("UP"));
        given().get("/q/metrics").then()
                .statusCode(200)
                .body(org.hamcrest.Matchers.containsString("bic_catalog_records_total"));
    }

    private static DatasetMetadata bbbc(String accession) {
        return DatasetMetadata.builder()
                .title("Human HT29 colon-cancer cells (" + accession + ")")
                .identifier(Identifier.of(Identifier.BBBC, accession))
                .organism(new Organism("Homo sapiens", "9606"))
                .build();
    }

    private static DatasetMetadata empiar(String accession) {
        return DatasetMetadata.builder()
                .title("Cryo-EM dataset " + accession)
                .identifier(Identifier.of(Identifier.EMPIAR, accession))
                .build();
    }
}
