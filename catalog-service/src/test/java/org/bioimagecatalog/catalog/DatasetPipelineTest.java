package org.bioimagecatalog.catalog;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.awaitility.Awaitility;
import org.bioimagecatalog.catalog.dataset.DatasetIds;
import org.bioimagecatalog.catalog.ingest.HarvestedRecordConsumer;
import org.bioimagecatalog.catalog.dataset.SourceRecord;
import org.bioimagecatalog.catalog.outbox.OutboxEvent;
import org.bioimagecatalog.model.ModelJson;
import org.bioimagecatalog.model.Organism;
import org.bioimagecatalog.model.api.Problem;
import org.bioimagecatalog.model.events.DatasetChanged;
import org.bioimagecatalog.model.events.HarvestRejected;
import org.bioimagecatalog.model.events.HarvestedRecord;
import org.bioimagecatalog.testsupport.StackTestResource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The whole path through the real stack: a HarvestedRecord on records.harvested.v1 becomes a dataset in
 * PostgreSQL, readable through the API, and a DatasetChanged on datasets.v1; bad messages go to the DLQ.
 */
@QuarkusTest
@QuarkusTestResource(StackTestResource.class)
class DatasetPipelineTest {
    private static CatalogTopics.Reader datasets;
    private static CatalogTopics.Reader dlq;

    @BeforeAll
    static void followOutputTopics() {
        datasets = new CatalogTopics.Reader(DatasetChanged.TOPIC);
        dlq = new CatalogTopics.Reader(HarvestRejected.TOPIC);
    }

    @AfterAll
    static void closeReaders() {
        if (datasets != null) {
            datasets.close();
        }
        if (dlq != null) {
            dlq.close();
        }
    }

    @Test
    void harvestedRecordBecomesReadableDatasetAndIsPublishedOnDatasetsTopic() {
        CatalogTopics.publish(IdrRecords.record("run-1", "idr", "idr0001", IdrRecords.idr0001("idr0001").build()));
        String id = DatasetIds.forSourceKey("idr:idr0001");

        awaitVersion(id, 1);
        given().get("/api/v1/datasets/{id}", id).then()
                .statusCode(200)
                .body("id", equalTo(id))
                .body("version", equalTo(1))
                .body("sourceRecords", hasSize(1))
                .body("sourceRecords[0].key", equalTo("idr:idr0001"))
                .body("sourceRecords[0].source", equalTo("idr"))
                .body("sourceRecords[0].nativeId", equalTo("idr0001"))
                .body("sourceRecords[0].url", equalTo("https://idr.openmicroscopy.org/webclient/?show=screen-3"))
                .body("metadata.title", equalTo(IdrRecords.IDR0001_TITLE))
                .body("metadata.organisms[0].label", equalTo("Schizosaccharomyces pombe"))
                .body("metadata.organisms[0].ncbiTaxonId", equalTo("4896"))
                .body("metadata.imagingMethods[0].fbbiId", equalTo("FBbi:00000253"))
                .body("metadata.publications[0].pmid", equalTo("25373780"))
                .body("metadata.license.spdx", equalTo("CC-BY-4.0"))
                .body("metadata.released", equalTo("2016-04-27"));

        ConsumerRecord<String, String> published = datasets.awaitKey(id, r -> !r.isEmpty()).get(0);
        DatasetChanged event = ModelJson.read(published.value(), DatasetChanged.class);
        assertThat(event.datasetId()).isEqualTo(id);
        assertThat(event.key()).isEqualTo(id);
        assertThat(event.version()).isEqualTo(1);
        assertThat(event.runId()).isEqualTo("run-1");
        assertThat(event.sources()).containsExactly("idr");
        assertThat(event.metadata().title()).isEqualTo(IdrRecords.IDR0001_TITLE);
        // normalised against NCBI Taxonomy on the way (name, rank and lineage added), the source's label kept
        assertThat(event.metadata().organisms()).singleElement().satisfies(o -> {
            assertThat(o.label()).isEqualTo("Schizosaccharomyces pombe");
            assertThat(o.ncbiTaxonId()).isEqualTo("4896");
            assertThat(o.rank()).isEqualTo("species");
        });
        // the quality score travels on the event (so that search can facet on it), as the API shows it
        var api = given().get("/api/v1/datasets/{id}", id).jsonPath();
        assertThat(event.quality()).isNotNull();
        assertThat(event.quality().score()).isEqualTo(api.getInt("quality.score")).isBetween(1, 99);
        assertThat(event.quality().missing()).isEqualTo(api.getList("quality.missing", String.class)).isNotEmpty();
    }

    @Test
    void reharvestingAnUnchangedRecordCreatesNoVersionAndPublishesNothing() {
        var metadata = IdrRecords.idr0001("idr0002").build();
        CatalogTopics.publish(IdrRecords.record("run-1", "idr", "idr0002", metadata));
        String id = DatasetIds.forSourceKey("idr:idr0002");
        awaitVersion(id, 1);

        CatalogTopics.publish(IdrRecords.record("run-2", "idr", "idr0002", metadata));
        Awaitility.await().atMost(Duration.ofSeconds(30))
                .until(() -> "run-2".equals(inTransaction(() -> SourceRecord.<SourceRecord>findById("idr:idr0002").lastRunId)));

        given().get("/api/v1/datasets/{id}/history", id).then()
                .statusCode(200)
                .body("versions", hasSize(1))
                .body("versions[0].runId", equalTo("run-1"));
        Awaitility.await().atMost(Duration.ofSeconds(30))
                .until(() -> inTransaction(() -> OutboxEvent.count("messageKey = ?1 and publishedAt is not null", id)) == 1);
        assertThat(inTransaction(() -> OutboxEvent.count("messageKey", id))).isEqualTo(1);
        assertThat(datasets.readToEnd(id)).hasSize(1);
    }

    @Test
    void changedRecordMakesVersionTwoWithHistoryOfTwoEntries() {
        var first = IdrRecords.idr0001("idr0003").build();
        CatalogTopics.publish(IdrRecords.record("run-1", "idr", "idr0003", first));
        String id = DatasetIds.forSourceKey("idr:idr0003");
        awaitVersion(id, 1);

        var changed = IdrRecords.idr0001("idr0003")
                .title("Fission yeast multiprocess survey (revised)")
                .organism(new Organism("Homo sapiens", "9606"))
                .build();
        CatalogTopics.publish(IdrRecords.record("run-2", "idr", "idr0003", changed));

        awaitVersion(id, 2);
        given().get("/api/v1/datasets/{id}", id).then()
                .statusCode(200)
                .body("metadata.title", equalTo("Fission yeast multiprocess survey (revised)"))
                .body("metadata.organisms.label", contains("Schizosaccharomyces pombe", "Homo sapiens"));
        given().get("/api/v1/datasets/{id}/history", id).then()
                .statusCode(200)
                .body("id", equalTo(id))
                .body("versions", hasSize(2))
                .body("versions[0].version", equalTo(2))
                .body("versions[0].runId", equalTo("run-2"))
                .body("versions[0].sourceKey", equalTo("idr:idr0003"))
                .body("versions[0].changedFields", contains("organisms", "title"))
                .body("versions[1].version", equalTo(1))
                .body("versions[1].runId", equalTo("run-1"))
                .body("versions[1].changedFields", hasItem("title"))
                .body("versions[1].changedFields", hasItem("sourceRecords"));

        List<ConsumerRecord<String, String>> events = datasets.awaitKey(id, r -> r.size() == 2);
        assertThat(events).extracting(r -> ModelJson.read(r.value(), DatasetChanged.class).version())
                .containsExactly(1, 2);
    }

    @Test
    void badMessagesGoToTheDlqWithAReasonAndTheNextRecordStillArrives() {
        CatalogTopics.send("idr:idr9901", "<html>502 Bad Gateway</html>");
        var v2 = IdrRecords.record("run-7", "idr", "idr9902", IdrRecords.idr0001("idr9902").build());
        CatalogTopics.send(v2.key(), ModelJson.write(v2).replace("\"schemaVersion\":1", "\"schemaVersion\":2"));
        CatalogTopics.publish(
                IdrRecords.record("run-7", "idr", "idr9903", IdrRecords.idr0001("idr9903").title(" ").build()),
                IdrRecords.record("run-7", "idr", "idr0004", IdrRecords.idr0001("idr0004").build()));

        assertThat(rejection("idr:idr9901").reason()).startsWith("not valid JSON");
        assertThat(rejection("idr:idr9901").payloadExcerpt()).isEqualTo("<html>502 Bad Gateway</html>");
        assertThat(rejection("idr:idr9901").source()).isEqualTo("catalog");
        assertThat(rejection("idr:idr9902").reason()).isEqualTo("unsupported schemaVersion 2 (this service reads 1)");
        assertThat(rejection("idr:idr9902").runId()).isEqualTo("run-7");
        assertThat(rejection("idr:idr9903").reason()).isEqualTo("missing metadata.title");
        awaitVersion(DatasetIds.forSourceKey("idr:idr0004"), 1);
        given().get("/api/v1/datasets/{id}", DatasetIds.forSourceKey("idr:idr9901")).then().statusCode(404);
    }

    @Test
    void recordsSentTogetherAreAppliedInOrderAndABadOneAmongThemOnlyGoesToTheDlq() {
        // sent at once, they reach the consumer in a few polls, each applied in one transaction
        List<Map.Entry<String, String>> messages = new ArrayList<>();
        for (int i = 210; i < 240; i++) {
            String nativeId = "idr0" + i;
            messages.add(message(IdrRecords.record("run-9", "idr", nativeId, IdrRecords.idr0001(nativeId).build())));
            if (i == 220) {
                messages.add(Map.entry("idr:idr9920", "{\"schemaVersion\":1,\"key\":\"idr:idr99"));
            }
        }
        messages.add(message(IdrRecords.record("run-10", "idr", "idr0210",
                IdrRecords.idr0001("idr0210").title("Revised in the same harvest").build())));
        CatalogTopics.send(messages);

        String revised = DatasetIds.forSourceKey("idr:idr0210");
        awaitVersion(revised, 2);
        for (int i = 211; i < 240; i++) {
            awaitVersion(DatasetIds.forSourceKey("idr:idr0" + i), 1);
        }
        given().get("/api/v1/datasets/{id}/history", revised).then()
                .statusCode(200)
                .body("versions.version", contains(2, 1))
                .body("versions.runId", contains("run-10", "run-9"))
                .body("versions[0].changedFields", contains("title"));
        assertThat(datasets.awaitKey(revised, r -> r.size() == 2))
                .extracting(r -> ModelJson.read(r.value(), DatasetChanged.class).metadata().title())
                .containsExactly(IdrRecords.IDR0001_TITLE, "Revised in the same harvest");
        assertThat(rejection("idr:idr9920").reason()).startsWith("not valid JSON");
        given().get("/api/v1/datasets/{id}", DatasetIds.forSourceKey("idr:idr9920")).then().statusCode(404);
    }

    @Test
    void aRecordThatAlwaysFailsToApplyGoesToTheDlqAndTheChannelGoesOn() {
        // a native id PostgreSQL cannot index (a btree entry holds at most 2704 bytes; random text does not
        // compress): the record parses, and storing it fails every time
        String huge = "idr9911-" + new java.util.Random(11).ints(6000, 'a', 'z' + 1)
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append);
        CatalogTopics.publish(
                IdrRecords.record("run-11", "idr", huge, IdrRecords.idr0001(huge).build()),
                IdrRecords.record("run-11", "idr", "idr0311", IdrRecords.idr0001("idr0311").build()));

        awaitVersion(DatasetIds.forSourceKey("idr:idr0311"), 1);
        HarvestRejected rejected = rejection(HarvestedRecordConsumer.deadLetterKey("idr:" + huge));
        assertThat(rejected.reason()).startsWith("cannot be applied: ").contains("index row");
        assertThat(rejected.source()).isEqualTo("catalog");
    }

    private static Map.Entry<String, String> message(HarvestedRecord record) {
        return Map.entry(record.key(), ModelJson.write(record));
    }

    @Test
    void deletedRecordWithdrawsTheDatasetAndPublishesATombstone() {
        CatalogTopics.publish(IdrRecords.record("run-1", "idr", "idr0005", IdrRecords.idr0001("idr0005").build()));
        String id = DatasetIds.forSourceKey("idr:idr0005");
        awaitVersion(id, 1);

        CatalogTopics.publish(IdrRecords.deleted("run-2", "idr", "idr0005"));

        Awaitility.await().atMost(Duration.ofSeconds(30))
                .until(() -> given().get("/api/v1/datasets/{id}", id).statusCode() == 410);
        given().get("/api/v1/datasets/{id}", id).then()
                .statusCode(410)
                .contentType(Problem.MEDIA_TYPE)
                .body("type", equalTo(Problem.TYPE_BASE + "withdrawn"))
                .body("status", equalTo(410))
                .body("instance", equalTo("/api/v1/datasets/" + id));
        given().get("/api/v1/datasets/{id}/history", id).then()
                .statusCode(200)
                .body("versions.version", contains(2, 1))
                .body("versions[0].withdrawn", equalTo(true))
                .body("versions[0].changedFields", contains("withdrawn"));
        List<ConsumerRecord<String, String>> events = datasets.awaitKey(id, r -> r.size() == 2);
        assertThat(events.get(1).value()).isNull();
    }

    private static HarvestRejected rejection(String key) {
        ConsumerRecord<String, String> message = dlq.awaitKey(key, r -> !r.isEmpty()).get(0);
        return ModelJson.read(message.value(), HarvestRejected.class);
    }

    private static void awaitVersion(String id, int version) {
        Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100))
                .until(() -> {
                    var response = given().get("/api/v1/datasets/{id}", id);
                    return response.statusCode() == 200 && response.jsonPath().getInt("version") == version;
                });
    }

    private static <T> T inTransaction(java.util.concurrent.Callable<T> work) {
        return QuarkusTransaction.requiringNew().call(work);
    }
}
