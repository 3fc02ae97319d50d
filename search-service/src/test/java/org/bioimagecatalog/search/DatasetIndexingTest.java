package org.bioimagecatalog.search;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.awaitility.core.ThrowingRunnable;
import org.bioimagecatalog.model.ModelJson;
import org.bioimagecatalog.search.index.ReuseCountStore;
import org.bioimagecatalog.testsupport.StackTestResource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * How events on datasets.v1 and reuse.summary.v1 change the index: tombstones, redelivery, out-of-order
 * versions, reuse counts in either order, and messages that cannot be read. Every test uses datasets of
 * its own, found by a word no other test uses.
 */
@QuarkusTest
@TestProfile(OwnIndexProfile.class)
@QuarkusTestResource(StackTestResource.class)
class DatasetIndexingTest {
    private static final String SEARCH = "/api/v1/search";

    private TestPublisher publisher;

    @Inject
    ReuseCountStore reuseCounts;

    @BeforeEach
    void openPublisher() {
        publisher = new TestPublisher();
    }

    @AfterEach
    void closePublisher() {
        publisher.close();
    }

    @AfterAll
    static void removeIndex() {
        TestIndices.deleteOwnIndex();
    }

    @Test
    void tombstoneRemovesTheDataset() {
        publisher.dataset(TestDatasets.simple("bic-ix-01", 1, "Notochord vacuolation timelapse"));
        eventually(() -> searchFor("vacuolation").then().body("items.id", contains("bic-ix-01")));

        publisher.tombstone("bic-ix-01");

        eventually(() -> searchFor("vacuolation").then().body("total", equalTo(0)));
    }

    @Test
    void republishingTheSameEventDoesNotDuplicateIt() {
        var event = TestDatasets.simple("bic-ix-02", 4, "Somitogenesis clock oscillations");
        publisher.dataset(event);
        eventually(() -> searchFor("somitogenesis").then().body("total", equalTo(1)));

        publisher.dataset(event);
        publisher.dataset(event);
        publishSentinelAndAwait("duplicatesentinel");

        searchFor("somitogenesis").then().body("total", equalTo(1)).body("items.id", contains("bic-ix-02"));
    }

    @Test
    void anOlderVersionDoesNotOverwriteANewerOne() {
        publisher.dataset(TestDatasets.simple("bic-ix-03", 5, "Heart regeneration after cryoinjury"));
        eventually(() -> searchFor("cryoinjury").then().body("items.id", contains("bic-ix-03")));

        publisher.dataset(TestDatasets.simple("bic-ix-03", 4, "Heart development before looping"));
        publishSentinelAndAwait("versionsentinel");

        searchFor("cryoinjury").then().body("total", equalTo(1))
                .body("items[0].title", equalTo("Heart regeneration after cryoinjury"));
        searchFor("looping").then().body("total", equalTo(0));

        publisher.dataset(TestDatasets.simple("bic-ix-03", 6, "Heart regeneration atlas with lineage tracing"));
        eventually(() -> searchFor("cryoinjury").then().body("total", equalTo(0)));
        searchFor("lineage").then().body("items.id", contains("bic-ix-03"));
    }

    @Test
    void reuseSummarySetsTheReuseCountOfAnIndexedDataset() {
        publisher.dataset(TestDatasets.simple("bic-ix-04", 2, "Lateral line neuromast hair cells"));
        eventually(() -> searchFor("neuromast").then().body("items[0].reuseCount", equalTo(0)));

        publisher.reuse(TestDatasets.reuse("bic-ix-04", 7, 11));

        eventually(() -> searchFor("neuromast").then().body("items[0].reuseCount", equalTo(7)));
        publisher.dataset(TestDatasets.simple("bic-ix-04", 3, "Lateral line neuromast hair cells, second release"));
        eventually(() -> searchFor("neuromast").then()
                .body("items[0].title", equalTo("Lateral line neuromast hair cells, second release"))
                .body("items[0].reuseCount", equalTo(7)));
    }

    @Test
    void reuseSummaryArrivingBeforeItsDatasetIsAppliedWhenTheDatasetArrives() {
        publisher.reuse(TestDatasets.reuse("bic-ix-05", 3, 5));
        await().atMost(Duration.ofSeconds(60))
                .until(() -> reuseCounts.countsFor(List.of("bic-ix-05")).equals(Map.of("bic-ix-05", 3)));

        publisher.dataset(TestDatasets.simple("bic-ix-05", 1, "Pectoral fin ray regeneration"));

        eventually(() -> searchFor("pectoral").then()
                .body("items.id", contains("bic-ix-05"))
                .body("items[0].reuseCount", equalTo(3)));
    }

    @Test
    void unreadableMessagesAreCountedAndSkippedWithoutStallingTheConsumer() {
        publisher.raw("bic-ix-06", "{not json");
        publisher.raw("bic-ix-07", ModelJson.write(TestDatasets.simple("bic-ix-other", 1, "Mismatched key gill")));
        // a compacted topic refuses a null key, but an empty one gets through
        publisher.raw("", ModelJson.write(TestDatasets.simple("bic-ix-08", 1, "Keyless message gill")));
        publisher.dataset(TestDatasets.simple("bic-ix-09", 1, "Gill filament morphogenesis"));

        eventually(() -> searchFor("gill").then().body("total", equalTo(1)).body("items.id", contains("bic-ix-09")));
        given().get("/q/metrics").then().statusCode(200)
                .body(matchesPattern("(?s).*bic_search_messages_invalid_total\\{[^}]*reason=\"unreadable\"[^}]*} [1-9].*"))
                .body(matchesPattern("(?s).*bic_search_messages_invalid_total\\{[^}]*reason=\"key-mismatch\"[^}]*} [1-9].*"))
                .body(matchesPattern("(?s).*bic_search_messages_invalid_total\\{[^}]*reason=\"missing-key\"[^}]*} [1-9].*"));
    }

    /** A later message on the same partition: once it is searchable, everything before it was consumed. */
    private void publishSentinelAndAwait(String word) {
        String id = "bic-ix-" + word;
        publisher.dataset(TestDatasets.simple(id, 1, "Sentinel " + word));
        eventually(() -> searchFor(word).then().body("items.id", contains(id)));
    }

    private static io.restassured.response.Response searchFor(String q) {
        return given().queryParam("q", q).get(SEARCH).then().statusCode(200).extract().response();
    }

    private static void eventually(ThrowingRunnable assertion) {
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(250)).untilAsserted(assertion);
    }
}
