package org.bioimagecatalog.catalog;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

import com.apicatalog.jsonld.JsonLd;
import com.apicatalog.jsonld.JsonLdError;
import com.apicatalog.jsonld.JsonLdErrorCode;
import com.apicatalog.jsonld.document.JsonDocument;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.awaitility.Awaitility;
import org.bioimagecatalog.catalog.dataset.DatasetIds;
import org.bioimagecatalog.model.DatasetMetadata;
import org.bioimagecatalog.model.api.Problem;
import org.bioimagecatalog.testsupport.StackTestResource;
import org.bioimagecatalog.testsupport.TestApiKeys;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Curated collections: creation with a citable id, editing, notes per dataset, exports, deletion (410), errors. */
@QuarkusTest
@QuarkusTestResource(StackTestResource.class)
class CollectionApiTest {
    static final String FIRST = DatasetIds.forSourceKey("coltest:one");
    static final String SECOND = DatasetIds.forSourceKey("coltest:two");
    private static boolean published;

    @BeforeEach
    void publishOnce() {
        if (published) {
            return;
        }
        published = true;
        CatalogTopics.publish(
                IdrRecords.record("run-col", "coltest", "one", DatasetMetadata.builder().title("Mitotic cells, \"live\"")
                        .description("HeLa cells imaged through mitosis").build()),
                IdrRecords.record("run-col", "coltest", "two", DatasetMetadata.builder().title("Yeast screen").build()));
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() ->
                given().get("/api/v1/datasets/{id}", FIRST).statusCode() == 200
                        && given().get("/api/v1/datasets/{id}", SECOND).statusCode() == 200);
    }

    static RequestSpecification curator() {
        return given().contentType(ContentType.JSON).header("Authorization", "Bearer " + TestApiKeys.curator());
    }

    private static String create(Map<String, Object> body) {
        return curator().body(body).post("/api/v1/collections").then().statusCode(201).extract().path("id");
    }

    @Test
    void aCuratorCreatesACitableCollectionWithNotesPerDataset() {
        String location = curator().body(Map.of("title", "Datathon 2026", "description", "Mitosis and yeast",
                        "curator", "Jane Doe", "datasets", List.of(Map.of("datasetId", FIRST, "note", "use frames 1-50"))))
                .post("/api/v1/collections").then()
                .statusCode(201)
                .body("id", matchesPattern("col-[0-9a-f]{12}"))
                .body("curator", equalTo("Jane Doe"))
                .body("createdBy", equalTo("test-curator"))
                .body("datasetCount", equalTo(1))
                .body("datasets[0].datasetId", equalTo(FIRST))
                .body("datasets[0].note", equalTo("use frames 1-50"))
                .body("datasets[0].status", equalTo("live"))
                .body("datasets[0].title", equalTo("Mitotic cells, \"live\""))
                .extract().header("Location");
        String id = location.substring(location.lastIndexOf('/') + 1);

        JsonPath read = given().get("/api/v1/collections/{id}", id).then().statusCode(200)
                .body("url", equalTo(location))
                .body("citation", startsWith("Jane Doe (20"))
                .body("citation", endsWith("Datathon 2026 [Data collection]. BioImage Catalog, " + id + ". " + location))
                .extract().jsonPath();
        assertThat(read.getString("datasets[0].url")).endsWith("/api/v1/datasets/" + FIRST);

        // add a second dataset, then re-add the first with a new note: the note is replaced, not duplicated
        curator().body(Map.of("datasetId", SECOND, "note", "controls")).post("/api/v1/collections/{id}/datasets", id)
                .then().statusCode(201).body("datasets.datasetId", contains(FIRST, SECOND));
        curator().body(Map.of("datasetId", FIRST, "note", "frames 1-80")).post("/api/v1/collections/{id}/datasets", id)
                .then().statusCode(200)
                .body("datasetCount", equalTo(2))
                .body("datasets[0].note", equalTo("frames 1-80"))
                .body("version", equalTo(3));

        curator().body(Map.of("title", "Datathon 2026 (final)")).put("/api/v1/collections/{id}", id).then()
                .statusCode(200)
                .body("title", equalTo("Datathon 2026 (final)"))
                .body("description", nullValue())
                .body("curator", equalTo("test-curator"));

        curator().delete("/api/v1/collections/{id}/datasets/{d}", id, SECOND).then().statusCode(204);
        given().get("/api/v1/collections/{id}", id).then().body("datasets.datasetId", contains(FIRST));
        curator().delete("/api/v1/collections/{id}/datasets/{d}", id, SECOND).then().statusCode(404)
                .contentType(Problem.MEDIA_TYPE);

        given().queryParam("limit", 200).get("/api/v1/collections").then().statusCode(200)
                .body("items.id", hasItem(id));
    }

    @Test
    void aCollectionExportsAsCsvAndAsASchemaOrgDataCatalog() throws JsonLdError {
        String id = create(Map.of("title", "Export me", "curator", "Jane Doe", "datasets", List.of(
                Map.of("datasetId", FIRST, "note", "frames, 1-50"), Map.of("datasetId", SECOND))));

        String csv = given().accept("text/csv").get("/api/v1/collections/{id}", id).then().statusCode(200)
                .contentType(startsWith("text/csv")).extract().asString();
        List<String> lines = List.of(csv.split("\r\n"));
        assertThat(lines).hasSize(3);
        assertThat(lines.get(0)).isEqualTo("id,title,sources,doi,organisms,ncbiTaxonIds,imagingMethods,fbbiIds,"
                + "cellLines,cellosaurusIds,formats,formatIds,license,released,qualityScore,landingPage,url,note");
        assertThat(lines.get(1)).startsWith(FIRST + ",\"Mitotic cells, \"\"live\"\"\",coltest:one,").endsWith(",\"frames, 1-50\"");
        assertThat(lines.get(2)).startsWith(SECOND + ",Yeast screen,coltest:two,").endsWith("/api/v1/datasets/" + SECOND + ",");

        String body = given().accept("application/ld+json").get("/api/v1/collections/{id}", id).then().statusCode(200)
                .contentType("application/ld+json").extract().asString();
        JsonArray expanded = JsonLd.expand(JsonDocument.of(new StringReader(body)))
                .loader((url, options) -> {
                    if (url.toString().startsWith("https://schema.org")) {
                        return JsonDocument.of(new StringReader("{\"@context\": {\"@vocab\": \"https://schema.org/\","
                                + " \"url\": {\"@type\": \"@id\"}, \"sameAs\": {\"@type\": \"@id\"}}}"));
                    }
                    throw new JsonLdError(JsonLdErrorCode.LOADING_REMOTE_CONTEXT_FAILED, "offline: " + url);
                }).get();
        JsonObject catalog = expanded.getJsonObject(0);
        assertThat(catalog.getJsonArray("@type").getString(0)).isEqualTo("https://schema.org/DataCatalog");
        assertThat(catalog.getString("@id")).endsWith("/api/v1/collections/" + id);
        assertThat(catalog.getJsonArray("https://schema.org/name").getJsonObject(0).getString("@value"))
                .isEqualTo("Export me");
        JsonArray datasets = catalog.getJsonArray("https://schema.org/dataset");
        assertThat(datasets).hasSize(2);
        JsonObject first = datasets.getJsonObject(0);
        assertThat(first.getJsonArray("@type").getString(0)).isEqualTo("https://schema.org/Dataset");
        assertThat(first.getString("@id")).endsWith("/api/v1/datasets/" + FIRST);
        JsonObject comment = first.getJsonArray("https://schema.org/comment").getJsonObject(0);
        assertThat(comment.getJsonArray("https://schema.org/text").getJsonObject(0).getString("@value"))
                .isEqualTo("frames, 1-50");
    }

    @Test
    void aCollectionHasAnETagThatChangesWithIt() {
        String id = create(Map.of("title", "Cached"));
        String etag = given().get("/api/v1/collections/{id}", id).then().statusCode(200).extract().header("ETag");
        assertThat(etag).isNotBlank();
        given().header("If-None-Match", etag).get("/api/v1/collections/{id}", id).then().statusCode(304);
        curator().body(Map.of("datasetId", FIRST)).post("/api/v1/collections/{id}/datasets", id).then().statusCode(201);
        given().header("If-None-Match", etag).get("/api/v1/collections/{id}", id).then().statusCode(200)
                .header("ETag", not(etag));
    }

    @Test
    void aDeletedCollectionAnswers410AndCannotBeChanged() {
        String id = create(Map.of("title", "Short-lived"));
        curator().delete("/api/v1/collections/{id}", id).then().statusCode(204);
        given().get("/api/v1/collections/{id}", id).then().statusCode(410).contentType(Problem.MEDIA_TYPE)
                .body("type", equalTo(Problem.TYPE_BASE + "deleted"));
        curator().body(Map.of("datasetId", FIRST)).post("/api/v1/collections/{id}/datasets", id).then().statusCode(410);
        curator().delete("/api/v1/collections/{id}", id).then().statusCode(410);
        given().get("/api/v1/collections/col-000000000000").then().statusCode(404).contentType(Problem.MEDIA_TYPE);
    }

    @Test
    void invalidInputIsAProblemNamingTheField() {
        curator().body(Map.of("description", "no title")).post("/api/v1/collections").then()
                .statusCode(400).contentType(Problem.MEDIA_TYPE).body("errors.field", contains("title"));
        curator().body(Map.of("title", "x".repeat(301))).post("/api/v1/collections").then()
                .statusCode(400).body("errors.field", contains("title"));
        // PostgreSQL cannot store a NUL: refused up front, not a 500 from the database
        curator().body(Map.of("title", "nul\u0000byte")).post("/api/v1/collections").then()
                .statusCode(400).contentType(Problem.MEDIA_TYPE).body("errors.field", contains("title"));
        curator().body("{\"title\": \"ok\", \"curator\": \"lone \\uD800 surrogate\"}").post("/api/v1/collections").then()
                .statusCode(400).body("errors.field", contains("curator"));
        curator().body(Map.of("title", "Bad dataset", "datasets", List.of(Map.of("datasetId", "bic-000000000000"))))
                .post("/api/v1/collections").then()
                .statusCode(400).contentType(Problem.MEDIA_TYPE)
                .body("errors.field", contains("datasets[0].datasetId"))
                .body("detail", equalTo("datasets[0].datasetId: no dataset has the id bic-000000000000"));
        curator().body(Map.of("title", "Twice", "datasets", List.of(Map.of("datasetId", FIRST), Map.of("datasetId", FIRST))))
                .post("/api/v1/collections").then()
                .statusCode(400).body("errors.field", contains("datasets[1].datasetId"));
        curator().body("{\"title\": \"Null item\", \"datasets\": [null]}").post("/api/v1/collections").then()
                .statusCode(400).body("errors.field", contains("datasets[0]"));
        String id = create(Map.of("title", "Valid"));
        curator().body(Map.of("note", "no id")).post("/api/v1/collections/{id}/datasets", id).then()
                .statusCode(400).body("errors.field", contains("datasetId"));
        curator().body(Map.of("datasetId", "bic-000000000000")).post("/api/v1/collections/{id}/datasets", id).then()
                .statusCode(400).body("errors.field", contains("datasetId"));
        curator().body(Map.of("title", "Valid", "datasets", List.of(Map.of("datasetId", FIRST))))
                .put("/api/v1/collections/{id}", id).then()
                .statusCode(400).body("errors.field", contains("datasets"));
        curator().body("{not json").post("/api/v1/collections").then().statusCode(400).contentType(Problem.MEDIA_TYPE);
        given().queryParam("limit", 0).get("/api/v1/collections").then()
                .statusCode(400).body("errors.field", contains("limit"));
        given().queryParam("cursor", "nope").get("/api/v1/collections").then()
                .statusCode(400).body("errors.field", contains("cursor"));
    }

    @Test
    void listsPageWithACursor() {
        create(Map.of("title", "Page A"));
        create(Map.of("title", "Page B"));
        JsonPath first = given().queryParam("limit", 1).get("/api/v1/collections").then().statusCode(200)
                .extract().jsonPath();
        assertThat(first.getList("items")).hasSize(1);
        assertThat(first.getLong("total")).isGreaterThanOrEqualTo(2);
        JsonPath second = given().queryParam("limit", 1).queryParam("cursor", first.getString("next"))
                .get("/api/v1/collections").then().statusCode(200).extract().jsonPath();
        assertThat(second.getString("items[0].id")).isGreaterThan(first.getString("items[0].id"));
        assertThat(first.getString("items[0].datasets")).isNull();
    }
}
