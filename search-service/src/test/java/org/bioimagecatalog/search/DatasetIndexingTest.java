package org.bioimagecatalog.search;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;

import io.quarkus.test.common.QuarkusTestResource;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.junit.QuarkusMock;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.awaitility.core.ThrowingRunnable;
import org.bioimagecatalog.model.ModelJson;
import org.bioimagecatalog.model.events.ReuseSummary;
import org.bioimagecatalog.search.index.IndexableDataset;
import org.bioimagecatalog.search.index.RejectedDocumentStore;
import org.bioimagecatalog.search.index.SearchDocuments;
import org.bioimagecatalog.search.index.ReuseCountStore;
import org.bioimagecatalog.testsupport.TestApiKeys;
import org.eclipse.microprofile.config.inject.ConfigProperty;
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

    @Inject
    RejectedDocumentStore rejects;

    @ConfigProperty(name = "bic.elasticsearch.index-prefix")
    String indexPrefix;

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
    void aPollOfManySummariesSetsTheIndexedCountsAndKeepsTheOthersForLater() {
        for (int i = 60; i < 66; i++) {
            publisher.dataset(TestDatasets.simple("bic-ix-" + i, 1, "Tuatara parietal eye " + i));
        }
        eventually(() -> searchFor("tuatara").then().body("total", equalTo(6)));

        List<Map.Entry<String, ReuseSummary>> poll = new ArrayList<>();
        for (int i = 60; i < 70; i++) {
            poll.add(Map.entry("bic-ix-" + i, TestDatasets.reuse("bic-ix-" + i, i - 50, 1)));
        }
        publisher.reuses(poll);

        eventually(() -> searchFor("tuatara").then().body("total", equalTo(6))
                .body("items.reuseCount", containsInAnyOrder(10, 11, 12, 13, 14, 15)));
        await().atMost(Duration.ofSeconds(60)).until(() -> reuseCounts.countsFor(
                List.of("bic-ix-66", "bic-ix-67", "bic-ix-68", "bic-ix-69")).equals(
                Map.of("bic-ix-66", 16, "bic-ix-67", 17, "bic-ix-68", 18, "bic-ix-69", 19)));
        publisher.dataset(TestDatasets.simple("bic-ix-67", 1, "Tuatara hatchling"));
        eventually(() -> searchFor("hatchling").then().body("items[0].reuseCount", equalTo(17)));
    }

    @Test
    void anOlderSummaryDoesNotWinInTheSamePollNorInALaterOne() {
        publisher.dataset(TestDatasets.simple("bic-ix-70", 1, "Kakapo feather pigmentation"));
        publisher.dataset(TestDatasets.simple("bic-ix-71", 1, "Kea beak curvature"));
        eventually(() -> searchFor("kakapo").then().body("total", equalTo(1)));
        eventually(() -> searchFor("kea").then().body("total", equalTo(1)));
        Instant now = Instant.now();

        publisher.reuses(List.of(
                Map.entry("bic-ix-70", TestDatasets.reuse("bic-ix-70", 9, 9, now)),
                Map.entry("bic-ix-70", TestDatasets.reuse("bic-ix-70", 2, 2, now.minusSeconds(60))),
                Map.entry("bic-ix-71", TestDatasets.reuse("bic-ix-71", 1, 1, now))));
        // the later dataset's count proves the poll was applied (same partition, so in order)
        eventually(() -> searchFor("kea").then().body("items[0].reuseCount", equalTo(1)));
        searchFor("kakapo").then().body("items[0].reuseCount", equalTo(9));
        assertThat(reuseCounts.countsFor(List.of("bic-ix-70"))).isEqualTo(Map.of("bic-ix-70", 9));

        publisher.reuses(List.of(Map.entry("bic-ix-70", TestDatasets.reuse("bic-ix-70", 3, 3, now.minusSeconds(30)))));
        publisher.reuses(List.of(Map.entry("bic-ix-71", TestDatasets.reuse("bic-ix-71", 4, 4, now.plusSeconds(1)))));
        eventually(() -> searchFor("kea").then().body("items[0].reuseCount", equalTo(4)));
        searchFor("kakapo").then().body("items[0].reuseCount", equalTo(9));
        assertThat(reuseCounts.countsFor(List.of("bic-ix-70"))).isEqualTo(Map.of("bic-ix-70", 9));
    }

    @Test
    void aReuseTombstoneClearsTheCountAndTheStoredSummary() {
        publisher.dataset(TestDatasets.simple("bic-ix-75", 1, "Weta cuticle hardening"));
        publisher.reuses(List.of(Map.entry("bic-ix-75", TestDatasets.reuse("bic-ix-75", 5, 5)),
                Map.entry("bic-ix-76", TestDatasets.reuse("bic-ix-76", 6, 6))));
        eventually(() -> searchFor("weta").then().body("items[0].reuseCount", equalTo(5)));

        var tombstones = new ArrayList<Map.Entry<String, ReuseSummary>>();
        tombstones.add(new java.util.AbstractMap.SimpleEntry<>("bic-ix-75", null));
        tombstones.add(new java.util.AbstractMap.SimpleEntry<>("bic-ix-76", null));
        publisher.reuses(tombstones);
        eventually(() -> searchFor("weta").then().body("items[0].reuseCount", equalTo(0)));
        await().atMost(Duration.ofSeconds(60))
                .until(() -> reuseCounts.countsFor(List.of("bic-ix-75", "bic-ix-76")).isEmpty());
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
                .body(matchesPattern("(?s).*bic_search_messages_invalid_total\\{[^}]*reason=\"missing-key\"[^}]*} [1-9].*"))
                .body(matchesPattern("(?s).*bic_search_dead_letters_total(\\{[^}]*})? [1-9].*"));

        // none was dropped silently: each is on the dead-letter topic with the reason and where it was
        assertThat(publisher.deadLettersOf("bic-ix-06", 1)).singleElement().satisfies(d -> {
            assertThat(d.reason()).startsWith("unreadable");
            assertThat(d.payloadExcerpt()).isEqualTo("{not json");
            assertThat(d.topic()).endsWith("datasets.v1");
        });
        assertThat(publisher.deadLettersOf("bic-ix-07", 1)).singleElement()
                .satisfies(d -> assertThat(d.reason()).startsWith("key-mismatch").contains("bic-ix-other"));
        assertThat(publisher.deadLettersOf("", 1)).singleElement()
                .satisfies(d -> assertThat(d.reason()).startsWith("missing-key"));
    }

    @Test
    void aDatasetNoDocumentCanBeMadeOfGoesToTheDeadLetterTopicAndTheConsumerGoesOn() {
        // the injected failure: building the document of this one dataset throws, as a builder bug would
        QuarkusMock.installMockForType(new SearchDocuments() {
            @Override
            public ObjectNode build(IndexableDataset dataset, int reuseCount) {
                if (dataset.id().equals("bic-ix-50")) {
                    throw new IllegalStateException("injected: no document for this one");
                }
                return super.build(dataset, reuseCount);
            }
        }, SearchDocuments.class);
        publisher.dataset(TestDatasets.simple("bic-ix-50", 3, "Unbuildable hagfish record"));
        publisher.dataset(TestDatasets.simple("bic-ix-51", 1, "Buildable hagfish record"));

        eventually(() -> searchFor("hagfish").then().body("items.id", contains("bic-ix-51")));
        // a reindex replays the topic without the injected failure: the tombstone keeps this dataset out of it
        publisher.tombstone("bic-ix-50");
        assertThat(publisher.deadLettersOf("bic-ix-50", 1)).singleElement().satisfies(d -> {
            assertThat(d.consumer()).isEqualTo("search-service");
            assertThat(d.reason()).contains("version 3", "cannot be made into a document", "injected");
            assertThat(d.payloadExcerpt()).contains("Unbuildable hagfish record");
        });
        given().get("/q/metrics").then().statusCode(200)
                .body(matchesPattern("(?s).*bic_search_documents_rejected_total\\{[^}]*reason=\"unbuildable\"[^}]*} [1-9].*"));
    }

    @Test
    void aDocumentElasticsearchRefusesIsRecordedWithItsReasonUntilAGoodVersionArrives() {
        publisher.dataset(TestDatasets.unindexable("bic-ix-40"));
        publishSentinelAndAwait("rejectsentinel");

        assertThat(rejects.reasonFor("bic-ix-40")).startsWith("document_parsing_exception").contains("formats");
        given().get("/q/metrics").then().statusCode(200)
                .body(matchesPattern("(?s).*bic_search_documents_rejected_total\\{[^}]*parsing_exception[^}]*} [1-9].*"));

        publisher.dataset(TestDatasets.simple("bic-ix-40", 2, "Repaired format record"));
        eventually(() -> searchFor("repaired").then().body("items.id", contains("bic-ix-40")));
        assertThat(rejects.reasonFor("bic-ix-40")).isNull();
    }

    @Test
    void cursorPagesStayOnTheirPointInTimeWhileTheIndexChanges() {
        publisher.dataset(TestDatasets.simple("bic-ix-31", 1, "Lamprey neural crest migration"));
        publisher.dataset(TestDatasets.simple("bic-ix-32", 1, "Lamprey gill arch development"));
        publisher.dataset(TestDatasets.simple("bic-ix-33", 1, "Lamprey brain ventricles"));
        eventually(() -> searchFor("lamprey").then().body("total", equalTo(3)));

        var first = given().queryParam("q", "lamprey").queryParam("sort", "newest").queryParam("size", 1).get(SEARCH);
        first.then().statusCode(200).body("items.id", contains("bic-ix-31"));
        var second = given().queryParam("cursor", (String) first.path("cursor")).get(SEARCH);
        second.then().statusCode(200).body("items.id", contains("bic-ix-32"));

        publisher.dataset(TestDatasets.simple("bic-ix-30", 1, "Lamprey oral disc"));
        publisher.tombstone("bic-ix-33");
        eventually(() -> searchFor("lamprey").then()
                .body("items.id", org.hamcrest.Matchers.containsInAnyOrder("bic-ix-30", "bic-ix-31", "bic-ix-32")));

        // the live index changed; the cursor's point in time did not
        given().queryParam("cursor", (String) second.path("cursor")).get(SEARCH).then()
                .statusCode(200)
                .body("total", equalTo(3)).body("page", equalTo(3))
                .body("items.id", contains("bic-ix-33"))
                .body("cursor", equalTo(null));
    }

    @Test
    void reindexBuildsTheNextGenerationMovesTheAliasAndKeepsReuseCounts() {
        publisher.dataset(TestDatasets.simple("bic-ix-20", 1, "Axolotl limb blastema"));
        publisher.reuse(TestDatasets.reuse("bic-ix-20", 4, 6));
        eventually(() -> searchFor("axolotl").then().body("items[0].reuseCount", equalTo(4)));
        String before = given().get(SEARCH + "/info").then().statusCode(200).extract().path("index");
        int documents = given().get(SEARCH + "/info").then().extract().path("documents");
        String next = indexPrefix + "datasets-v" + (Integer.parseInt(before.substring(before.lastIndexOf('v') + 1)) + 1);

        given().header("X-API-Key", TestApiKeys.admin()).post(SEARCH + "/admin/reindex").then()
                .statusCode(202).body("state", equalTo("running")).body("from", equalTo(before)).body("to", equalTo(next));
        // published while the new index is being built (or just after): it must be in the new index either way
        publisher.dataset(TestDatasets.simple("bic-ix-22", 1, "Axolotl tail regeneration during reindex"));
        publisher.dataset(TestDatasets.simple("bic-ix-20", 2, "Axolotl limb blastema, second release"));
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(200)).untilAsserted(() -> {
            // searching goes on while the new index is built
            searchFor("blastema").then().body("items.id", contains("bic-ix-20"));
            given().header("X-API-Key", TestApiKeys.admin()).get(SEARCH + "/admin/reindex").then().statusCode(200).body("state", equalTo("done"));
        });

        given().header("X-API-Key", TestApiKeys.admin()).get(SEARCH + "/admin/reindex").then().body("messagesReplayed", org.hamcrest.Matchers.greaterThan(0));
        given().get(SEARCH + "/info").then().statusCode(200).body("index", equalTo(next)).body("mappingVersion", equalTo(org.bioimagecatalog.search.index.DatasetIndexMapping.VERSION));
        eventually(() -> given().get(SEARCH + "/info").then().body("documents", equalTo(documents + 1)));
        eventually(() -> searchFor("blastema").then()
                .body("items[0].title", equalTo("Axolotl limb blastema, second release"))
                .body("items[0].reuseCount", equalTo(4)));
        searchFor("tail").then().body("items.id", contains("bic-ix-22"));
        // the live consumer now writes into the new generation
        publisher.dataset(TestDatasets.simple("bic-ix-21", 1, "Axolotl spinal cord regeneration"));
        eventually(() -> searchFor("axolotl").then().body("total", equalTo(3)));
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
