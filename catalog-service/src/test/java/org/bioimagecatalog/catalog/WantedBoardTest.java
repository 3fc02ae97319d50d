package org.bioimagecatalog.catalog;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
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

/**
 * The "most wanted" boards: posting, one vote per key identity, filters and sorting, status changes by the
 * requester or a curator, fulfilment by a catalog dataset or a pipeline link, and field-named errors.
 */
@QuarkusTest
@QuarkusTestResource(StackTestResource.class)
class WantedBoardTest {
    private static final String DATASET = DatasetIds.forSourceKey("wanttest:one");
    private static boolean published;

    @BeforeEach
    void publishOnce() {
        if (published) {
            return;
        }
        published = true;
        CatalogTopics.publish(IdrRecords.record("run-want", "wanttest", "one",
                DatasetMetadata.builder().title("Zebrafish heart, light-sheet").build()));
        Awaitility.await().atMost(Duration.ofSeconds(30))
                .until(() -> given().get("/api/v1/datasets/{id}", DATASET).statusCode() == 200);
    }

    private static RequestSpecification as(String key) {
        return given().contentType(ContentType.JSON).header("Authorization", "Bearer " + key);
    }

    private static long post(String key, Map<String, Object> body) {
        return as(key).body(body).post("/api/v1/wanted").then().statusCode(201).extract().jsonPath().getLong("id");
    }

    @Test
    void aSubmitterPostsARequestThatEveryoneCanRead() {
        String location = as(TestApiKeys.submitter()).body(Map.of("kind", "dataset",
                        "title", "Light-sheet zebrafish heart with cell-type labels", "description", "for training",
                        "tags", List.of("Zebrafish", "segmentation", "zebrafish")))
                .post("/api/v1/wanted").then()
                .statusCode(201)
                .body("kind", equalTo("dataset"))
                .body("requester", equalTo("test-submitter"))
                .body("tags", contains("zebrafish", "segmentation"))
                .body("votes", equalTo(0))
                .body("status", equalTo("open"))
                .body("fulfilledBy", nullValue())
                .extract().header("Location");
        given().get(location).then().statusCode(200)
                .body("url", equalTo(location))
                .body("title", equalTo("Light-sheet zebrafish heart with cell-type labels"))
                .body("description", equalTo("for training"));
        long other = post(TestApiKeys.submitter(), Map.of("kind", "pipeline", "title", "Nucleus tracking",
                "requester", "Lab of Cell Dynamics"));
        given().get("/api/v1/wanted/{id}", other).then().body("requester", equalTo("Lab of Cell Dynamics"));
    }

    @Test
    void eachKeyVotesOnceAndCanTakeItsVoteBack() {
        long id = post(TestApiKeys.submitter(), Map.of("kind", "pipeline", "title", "Cilia beat frequency"));
        as(TestApiKeys.submitter()).put("/api/v1/wanted/{id}/vote", id).then().statusCode(200)
                .body("votes", equalTo(1)).body("voted", equalTo(true));
        as(TestApiKeys.submitter()).put("/api/v1/wanted/{id}/vote", id).then().statusCode(200).body("votes", equalTo(1));
        // the same key in the other header is the same identity
        given().header("X-API-Key", TestApiKeys.submitter()).put("/api/v1/wanted/{id}/vote", id).then()
                .statusCode(200).body("votes", equalTo(1));
        as(TestApiKeys.admin()).put("/api/v1/wanted/{id}/vote", id).then().statusCode(200).body("votes", equalTo(2));
        given().get("/api/v1/wanted/{id}", id).then().body("votes", equalTo(2));
        as(TestApiKeys.submitter()).delete("/api/v1/wanted/{id}/vote", id).then().statusCode(200)
                .body("votes", equalTo(1)).body("voted", equalTo(false));
        as(TestApiKeys.submitter()).delete("/api/v1/wanted/{id}/vote", id).then().statusCode(200).body("votes", equalTo(1));
        as(TestApiKeys.submitter()).put("/api/v1/wanted/{id}/vote", 999999999).then().statusCode(404)
                .contentType(Problem.MEDIA_TYPE);
    }

    @Test
    void listsFilterByKindStatusAndTagAndSortByVotesOrAge() {
        long older = post(TestApiKeys.submitter(), Map.of("kind", "dataset", "title", "EM of synapses",
                "tags", List.of("list-test", "em")));
        long newer = post(TestApiKeys.submitter(), Map.of("kind", "pipeline", "title", "Synapse detection",
                "tags", List.of("list-test")));
        as(TestApiKeys.submitter()).put("/api/v1/wanted/{id}/vote", older).then().statusCode(200);
        as(TestApiKeys.admin()).put("/api/v1/wanted/{id}/vote", older).then().statusCode(200);
        as(TestApiKeys.admin()).put("/api/v1/wanted/{id}/vote", newer).then().statusCode(200);

        given().queryParam("tag", "list-test").get("/api/v1/wanted").then().statusCode(200)
                .body("total", equalTo(2)).body("items.id", contains((int) older, (int) newer));
        given().queryParam("tag", "list-test").queryParam("sort", "newest").get("/api/v1/wanted").then()
                .body("items.id", contains((int) newer, (int) older));
        given().queryParam("tag", "LIST-TEST").queryParam("kind", "pipeline").get("/api/v1/wanted").then()
                .body("items.id", contains((int) newer));
        given().queryParam("tag", "em").queryParam("status", "open").get("/api/v1/wanted").then()
                .body("items.id", contains((int) older));
        given().queryParam("tag", "list-test").queryParam("status", "fulfilled").get("/api/v1/wanted").then()
                .body("total", equalTo(0));

        String next = given().queryParam("tag", "list-test").queryParam("limit", 1).get("/api/v1/wanted").then()
                .body("items.id", contains((int) older)).extract().path("next");
        given().queryParam("tag", "list-test").queryParam("limit", 1).queryParam("cursor", next).get("/api/v1/wanted")
                .then().body("items.id", contains((int) newer)).body("next", nullValue());
    }

    @Test
    void theRequesterOrACuratorChangesTheStatusAndFulfilmentNamesWhatFulfilsIt() {
        long mine = post(TestApiKeys.submitter(), Map.of("kind", "dataset", "title", "Zebrafish hearts"));
        as(TestApiKeys.submitter()).body(Map.of("status", "in_progress")).post("/api/v1/wanted/{id}/status", mine)
                .then().statusCode(200).body("status", equalTo("in_progress"));
        as(TestApiKeys.submitter()).body(Map.of("status", "fulfilled", "fulfilledByDataset", DATASET))
                .post("/api/v1/wanted/{id}/status", mine).then().statusCode(200)
                .body("status", equalTo("fulfilled"))
                .body("fulfilledBy.dataset", equalTo(DATASET))
                .body("fulfilledBy.datasetUrl", endsWith("/api/v1/datasets/" + DATASET));
        // re-opening drops the old link
        as(TestApiKeys.submitter()).body(Map.of("status", "open")).post("/api/v1/wanted/{id}/status", mine)
                .then().statusCode(200).body("fulfilledBy", nullValue());

        // posted by another key (admin): a submitter that did not post it may not change it, a curator may
        long theirs = post(TestApiKeys.admin(), Map.of("kind", "pipeline", "title", "Heart segmentation"));
        as(TestApiKeys.submitter()).body(Map.of("status", "in_progress")).post("/api/v1/wanted/{id}/status", theirs)
                .then().statusCode(403).contentType(Problem.MEDIA_TYPE)
                .body("type", equalTo(Problem.TYPE_BASE + "forbidden"));
        as(TestApiKeys.curator()).body(Map.of("status", "fulfilled", "fulfilledByUrl", "https://github.com/example/heart-seg"))
                .post("/api/v1/wanted/{id}/status", theirs).then().statusCode(200)
                .body("status", equalTo("fulfilled"))
                .body("fulfilledBy.url", equalTo("https://github.com/example/heart-seg"))
                .body("fulfilledBy.dataset", nullValue());
        given().get("/api/v1/wanted/{id}", theirs).then().body("status", equalTo("fulfilled"));
    }

    @Test
    void invalidInputIsAProblemNamingTheField() {
        as(TestApiKeys.submitter()).body(Map.of("title", "no kind")).post("/api/v1/wanted").then()
                .statusCode(400).contentType(Problem.MEDIA_TYPE).body("errors.field", contains("kind"));
        as(TestApiKeys.submitter()).body(Map.of("kind", "model", "title", "x")).post("/api/v1/wanted").then()
                .statusCode(400).body("errors.field", contains("kind"));
        as(TestApiKeys.submitter()).body(Map.of("kind", "dataset", "title", " ")).post("/api/v1/wanted").then()
                .statusCode(400).body("errors.field", contains("title"));
        as(TestApiKeys.submitter()).body(Map.of("kind", "dataset", "title", "t", "description", "a\u0000b"))
                .post("/api/v1/wanted").then().statusCode(400).body("errors.field", contains("description"));
        as(TestApiKeys.submitter()).body(Map.of("kind", "dataset", "title", "t", "tags", List.of("ok", "has space")))
                .post("/api/v1/wanted").then().statusCode(400).body("errors.field", contains("tags[1]"));

        long dataset = post(TestApiKeys.submitter(), Map.of("kind", "dataset", "title", "Needs a dataset"));
        long pipeline = post(TestApiKeys.submitter(), Map.of("kind", "pipeline", "title", "Needs a link"));
        String status = "/api/v1/wanted/{id}/status";
        as(TestApiKeys.submitter()).body(Map.of("status", "done")).post(status, dataset).then()
                .statusCode(400).body("errors.field", contains("status"));
        as(TestApiKeys.submitter()).body(Map.of("status", "fulfilled")).post(status, dataset).then()
                .statusCode(400).body("errors.field", contains("fulfilledByDataset"));
        as(TestApiKeys.submitter()).body(Map.of("status", "fulfilled", "fulfilledByDataset", "bic-000000000000"))
                .post(status, dataset).then().statusCode(400).body("errors.field", contains("fulfilledByDataset"))
                .body("detail", equalTo("fulfilledByDataset: no dataset of the catalog has the id bic-000000000000"));
        as(TestApiKeys.submitter()).body(Map.of("status", "fulfilled")).post(status, pipeline).then()
                .statusCode(400).body("errors.field", contains("fulfilledByUrl"));
        as(TestApiKeys.submitter()).body(Map.of("status", "fulfilled", "fulfilledByUrl", "ftp://example.org/x"))
                .post(status, pipeline).then().statusCode(400).body("errors.field", contains("fulfilledByUrl"));
        as(TestApiKeys.submitter()).body(Map.of("status", "in_progress", "fulfilledByUrl", "https://example.org/x"))
                .post(status, pipeline).then().statusCode(400).body("errors.field", contains("fulfilledByUrl"));
        given().get("/api/v1/wanted/{id}", pipeline).then().body("status", equalTo("open"));

        given().queryParam("status", "closed").get("/api/v1/wanted").then().statusCode(400)
                .body("errors.field", contains("status"));
        given().queryParam("sort", "random").get("/api/v1/wanted").then().statusCode(400)
                .body("errors.field", contains("sort"));
        given().queryParam("tag", "a b").get("/api/v1/wanted").then().statusCode(400)
                .body("errors.field", contains("tag"));
        given().queryParam("cursor", "djE6LTE").get("/api/v1/wanted").then().statusCode(400)
                .body("errors.field", contains("cursor"));
        given().get("/api/v1/wanted/not-a-number").then().statusCode(404).contentType(Problem.MEDIA_TYPE);
    }
}
