package org.bioimagecatalog.reuse;

import static io.restassured.RestAssured.given;
import static io.restassured.RestAssured.when;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.containsString;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.bioimagecatalog.model.DatasetMetadata;
import org.bioimagecatalog.model.ModelJson;
import org.bioimagecatalog.model.events.DatasetChanged;
import org.bioimagecatalog.model.events.DatasetEventRejected;
import org.bioimagecatalog.model.events.ReuseSummary;
import org.bioimagecatalog.testsupport.StackTestResource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The tracker end to end on the real stack: DatasetChanged events on this JVM's datasets.v1, the report
 * through the HTTP API, the summaries read back from reuse.summary.v1. Each test uses datasets of its own.
 */
@QuarkusTest
@QuarkusTestResource(StackTestResource.class)
class DatasetReuseTrackingTest {
    private static final Duration KAFKA_WAIT = Duration.ofSeconds(60); // generous: the machine is shared, a passing wait returns at once
    private static final String IDR0001_DOI = "10.1016/j.devcel.2014.09.005";

    private static TestKafka kafka;

    @BeforeAll
    static void connect() {
        kafka = new TestKafka();
    }

    @AfterAll
    static void disconnect() {
        kafka.close();
    }

    @Test
    void primaryPublicationOfAHarvestedDatasetIsListedWithHarvestedPrimaryEvidence() {
        kafka.publish(DatasetEvents.idr0001Like("bic-idr0001"));

        JsonPath report = awaitReport("bic-idr0001");

        assertThat(report.getString("datasetId")).isEqualTo("bic-idr0001");
        assertThat(report.getString("title")).isEqualTo("Genome-wide screen of fission yeast deletion mutants (idr0001)");
        assertThat(report.getBoolean("withdrawn")).isFalse();
        assertThat(report.getMap("counts")).isEqualTo(Map.of("citations", 1, "primary", 1, "reuses", 0, "selfReuses", 0));
        assertThat(report.getMap("byYear")).isEqualTo(Map.of("2014", 1));
        assertThat(report.getList("citations")).hasSize(1);
        assertThat(report.getMap("citations[0].publication")).containsAllEntriesOf(Map.of(
                "doi", IDR0001_DOI, "pmid", "25373780", "pmcid", "PMC4648281",
                "title", DatasetEvents.IDR0001_TITLE, "year", 2014));
        assertThat(report.getMap("citations[0].publication")).containsEntry("journal", null);
        assertThat(report.getString("citations[0].relation")).isEqualTo("PRIMARY");
        assertThat(report.getBoolean("citations[0].selfReuse")).isFalse();
        assertThat(report.getList("citations[0].evidence")).hasSize(1);
        assertThat(report.getString("citations[0].evidence[0].kind")).isEqualTo("harvested-primary");
        assertThat(report.getString("citations[0].evidence[0].detail"))
                .isEqualTo("listed as primary publication by idr:idr0001");
        assertThat(report.getString("citations[0].evidence[0].observedAt")).matches("\\d{4}-\\d\\d-\\d\\dT.*Z");
    }

    @Test
    void replayingTheSameEventLeavesOneCitationOneEvidenceAndOneSummary() {
        DatasetChanged event = DatasetEvents.idr0001Like("bic-idr0001-replayed");
        RecordMetadata first = kafka.publish(event);
        JsonPath before = awaitReport("bic-idr0001-replayed");
        await().atMost(KAFKA_WAIT).pollInSameThread().until(() -> kafka.summariesOf("bic-idr0001-replayed").size() == 1);

        kafka.publish(first.partition(), event.datasetId(), ModelJson.write(event));
        kafka.publish(first.partition(), event.datasetId(), ModelJson.write(event));
        awaitConsumedUpTo(first.partition());

        JsonPath after = report("bic-idr0001-replayed");
        assertThat(after.getList("citations")).hasSize(1);
        assertThat(after.getList("citations[0].evidence")).hasSize(1);
        assertThat(after.getString("citations[0].evidence[0].observedAt"))
                .isEqualTo(before.getString("citations[0].evidence[0].observedAt"));
        assertThat(after.getString("citations[0].publication.pmid")).isEqualTo("25373780");
        // nothing changed, so nothing more is announced: the count holds for a while, not just at one instant
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5)).pollInSameThread()
                .until(() -> kafka.summariesOf("bic-idr0001-replayed").size() == 1);
    }

    @Test
    void twoDatasetsCitingOnePaperByDifferentIdsShareOnePublication() {
        kafka.publish(DatasetEvents.withPrimaries("bic-shared-by-doi", 1,
                DatasetEvents.primary("10.5555/bic.shared.2019", null, null, "One paper, two datasets", 2019)));
        awaitReport("bic-shared-by-doi");
        kafka.publish(DatasetEvents.withPrimaries("bic-shared-by-pmid", 1,
                DatasetEvents.primary("doi:10.5555/BIC.SHARED.2019", "90000002", null, "One paper, two datasets", 2019)));

        JsonPath byPmid = awaitReport("bic-shared-by-pmid");
        JsonPath byDoi = report("bic-shared-by-doi");

        Map<String, Object> expected = Map.of("doi", "10.5555/bic.shared.2019", "pmid", "90000002",
                "title", "One paper, two datasets", "year", 2019);
        assertThat(byPmid.getMap("citations[0].publication")).containsAllEntriesOf(expected).containsEntry("pmcid", null);
        // the second record's PMID completed the one shared row, so the first dataset sees it too
        assertThat(byDoi.getMap("citations[0].publication")).isEqualTo(byPmid.getMap("citations[0].publication"));
    }

    @Test
    void rowsKnownByDifferentIdsAreMergedWhenARecordNamesBoth() {
        kafka.publish(DatasetEvents.withPrimaries("bic-merge-doi", 1,
                DatasetEvents.primary("10.5555/bic.merge.2020", null, null, "Merged paper", 2020)));
        kafka.publish(DatasetEvents.withPrimaries("bic-merge-pmid", 1,
                DatasetEvents.primary(null, "90000003", null, null, null)));
        awaitReport("bic-merge-doi");
        assertThat(awaitReport("bic-merge-pmid").getString("citations[0].publication.doi")).isNull();

        kafka.publish(DatasetEvents.withPrimaries("bic-merge-both", 1,
                DatasetEvents.primary("10.5555/bic.merge.2020", "90000003", "PMC90000003", "Merged paper", 2020)));
        awaitReport("bic-merge-both");

        Map<String, Object> merged = Map.of("doi", "10.5555/bic.merge.2020", "pmid", "90000003",
                "pmcid", "PMC90000003", "title", "Merged paper", "year", 2020);
        for (String datasetId : List.of("bic-merge-doi", "bic-merge-pmid", "bic-merge-both")) {
            await().atMost(KAFKA_WAIT).untilAsserted(() -> {
                JsonPath report = report(datasetId);
                assertThat(report.getList("citations")).as(datasetId).hasSize(1);
                assertThat(report.getMap("citations[0].publication")).as(datasetId).containsAllEntriesOf(merged);
            });
        }
    }

    @Test
    void aRecordWhoseSecondPaperMergesAwayTheRowItsFirstResolvedToGetsOneLinkAndItsReplayChangesNothing() {
        kafka.publish(DatasetEvents.withPrimaries("bic-remerge-doi", 1,
                DatasetEvents.primary("10.5555/bic.remerge.2022", null, null, "Remerged paper", 2022)));
        awaitReport("bic-remerge-doi");
        kafka.publish(DatasetEvents.withPrimaries("bic-remerge-pmid", 1,
                DatasetEvents.primary(null, "90000022", null, null, null)));
        awaitReport("bic-remerge-pmid");
        // the first paper resolves to the newer PMID row; the second shows both rows are one work, and the merge
        // keeps the older DOI row: the first reference must be resolved again to the survivor
        DatasetChanged both = DatasetEvents.withPrimaries("bic-remerge-both", 1,
                DatasetEvents.primary(null, "90000022", null, null, null),
                DatasetEvents.primary("10.5555/bic.remerge.2022", "90000022", null, "Remerged paper", 2022));
        RecordMetadata first = kafka.publish(both);

        JsonPath report = awaitReport("bic-remerge-both");
        assertThat(report.getList("citations")).hasSize(1);
        assertThat(report.getMap("citations[0].publication")).containsAllEntriesOf(
                Map.of("doi", "10.5555/bic.remerge.2022", "pmid", "90000022", "year", 2022));
        await().atMost(KAFKA_WAIT).untilAsserted(() -> assertThat(report("bic-remerge-pmid")
                .getString("citations[0].publication.doi")).isEqualTo("10.5555/bic.remerge.2022"));
        await().atMost(KAFKA_WAIT).pollInSameThread().until(() -> kafka.summariesOf("bic-remerge-both").size() == 1);

        kafka.publish(first.partition(), both.datasetId(), ModelJson.write(both));
        awaitConsumedUpTo(first.partition());

        JsonPath replayed = report("bic-remerge-both");
        assertThat(replayed.getList("citations")).hasSize(1);
        assertThat(replayed.getString("citations[0].evidence[0].observedAt"))
                .isEqualTo(report.getString("citations[0].evidence[0].observedAt"));
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5)).pollInSameThread()
                .until(() -> kafka.summariesOf("bic-remerge-both").size() == 1);
    }

    @Test
    void summaryWithOneCitationIsPublishedOnThePrefixedReuseSummaryTopic() {
        kafka.publish(DatasetEvents.idr0001Like("bic-idr0001-summarised"));

        List<ReuseSummary> summaries = await().atMost(KAFKA_WAIT).pollInSameThread()
                .until(() -> kafka.summariesOf("bic-idr0001-summarised"), list -> !list.isEmpty());

        ReuseSummary summary = summaries.get(0);
        assertThat(summary.key()).isEqualTo("bic-idr0001-summarised");
        assertThat(summary.datasetId()).isEqualTo("bic-idr0001-summarised");
        assertThat(summary.schemaVersion()).isEqualTo(ReuseSummary.SCHEMA_VERSION);
        assertThat(summary.citations()).isEqualTo(1);
        assertThat(summary.reuses()).isZero();
        assertThat(summary.distinctCitingWorks()).isEqualTo(1);
        assertThat(summary.byYear()).isEqualTo(Map.of(2014, 1));
        assertThat(summary.contentHash()).hasSize(64);
        assertThat(summary.eventId()).isNotBlank();
    }

    @Test
    void garbageOnTheDatasetsTopicDoesNotStopTheGoodEventAfterIt() {
        double rejectedBefore = rejectedEvents();
        RecordMetadata garbage = kafka.publish(0, "bic-garbage", "{this is not json");
        kafka.publish(garbage.partition(), "bic-garbage", "{\"schemaVersion\":1,\"datasetId\":\"bic-garbage\"}");
        DatasetChanged good = DatasetEvents.withPrimaries("bic-after-garbage", 1,
                DatasetEvents.primary("10.5555/bic.after.garbage", null, null, "Survivor", 2021));
        kafka.publish(garbage.partition(), good.datasetId(), ModelJson.write(good));

        JsonPath report = awaitReport("bic-after-garbage");

        assertThat(report.getString("citations[0].publication.doi")).isEqualTo("10.5555/bic.after.garbage");
        assertThat(rejectedEvents() - rejectedBefore).isEqualTo(2.0);
        when().get("/api/v1/reuse/datasets/bic-garbage").then().statusCode(404);
        // neither was dropped silently: both are on the dead-letter topic, with the reason and where they were
        List<DatasetEventRejected> deadLetters = kafka.deadLettersOf("bic-garbage", 2, Duration.ofSeconds(30));
        assertThat(deadLetters).hasSize(2).allSatisfy(d -> {
            assertThat(d.consumer()).isEqualTo("reuse-tracker-service");
            assertThat(d.reason()).startsWith("unreadable dataset event");
            assertThat(d.partition()).isEqualTo(garbage.partition());
        });
        assertThat(deadLetters.get(0).offset()).isEqualTo(garbage.offset());
        assertThat(deadLetters.get(0).payloadExcerpt()).isEqualTo("{this is not json");
    }

    @Test
    void anEventTheDatabaseRefusesIsSkippedAloneAndTheRestOfItsPollIsApplied() {
        double failedBefore = eventsCounted("failed");
        DatasetChanged before = DatasetEvents.withPrimaries("bic-poll-before", 1,
                DatasetEvents.primary("10.5555/bic.poll.before", null, null, "Before", 2020));
        // PostgreSQL takes no NUL in text: the event parses, and its insert is refused
        DatasetChanged refused = DatasetEvents.event("bic-poll-refused", 1,
                DatasetMetadata.builder().title("A title with a NUL \u0000 in it").build());
        DatasetChanged after = DatasetEvents.withPrimaries("bic-poll-after", 1,
                DatasetEvents.primary("10.5555/bic.poll.after", null, null, "After", 2021));

        kafka.publishAll(0, List.of(before, refused, after));

        assertThat(awaitReport("bic-poll-after").getString("citations[0].publication.doi"))
                .isEqualTo("10.5555/bic.poll.after");
        assertThat(report("bic-poll-before").getString("citations[0].publication.doi"))
                .isEqualTo("10.5555/bic.poll.before");
        when().get("/api/v1/reuse/datasets/bic-poll-refused").then().statusCode(404);
        assertThat(eventsCounted("failed") - failedBefore).isEqualTo(1.0);
    }

    @Test
    void paperDroppedFromTheRecordLosesItsHarvestedEvidenceAndItsLink() {
        kafka.publish(DatasetEvents.withPrimaries("bic-dropping", 1,
                DatasetEvents.primary("10.5555/bic.kept.2017", null, null, "Kept paper", 2017),
                DatasetEvents.primary("10.5555/bic.dropped.2016", null, null, "Dropped paper", 2016)));
        await().atMost(KAFKA_WAIT).until(() -> reportOrNull("bic-dropping") != null
                && reportOrNull("bic-dropping").getList("citations").size() == 2);

        kafka.publish(DatasetEvents.withPrimaries("bic-dropping", 2,
                DatasetEvents.primary("10.5555/bic.kept.2017", null, null, "Kept paper", 2017)));

        await().atMost(KAFKA_WAIT).untilAsserted(() -> {
            JsonPath report = report("bic-dropping");
            assertThat(report.getList("citations.publication.doi", String.class)).containsExactly("10.5555/bic.kept.2017");
            assertThat(report.getMap("byYear")).isEqualTo(Map.of("2017", 1));
        });
        await().atMost(KAFKA_WAIT).pollInSameThread().untilAsserted(() -> assertThat(kafka.summariesOf("bic-dropping"))
                .extracting(ReuseSummary::citations).containsExactly(2, 1));
    }

    @Test
    void tombstoneMarksTheDatasetWithdrawnAndKeepsItsLinks() {
        kafka.publish(DatasetEvents.idr0001Like("bic-withdrawn"));
        awaitReport("bic-withdrawn");

        kafka.publishTombstone("bic-withdrawn");

        await().atMost(KAFKA_WAIT).untilAsserted(() -> when().get("/api/v1/reuse/datasets/bic-withdrawn").then()
                .statusCode(200)
                .body("withdrawn", equalTo(true))
                .body("counts.citations", equalTo(1))
                .body("citations[0].publication.doi", equalTo(IDR0001_DOI)));
    }

    @Test
    void unknownDatasetAnswers404ProblemJson() {
        when().get("/api/v1/reuse/datasets/bic-never-published").then()
                .statusCode(404)
                .contentType("application/problem+json")
                .body("type", equalTo("https://bioimagecatalog.org/problems/not-found"))
                .body("title", equalTo("Dataset not found"))
                .body("status", equalTo(404))
                .body("detail", equalTo("no dataset bic-never-published is known to the reuse tracker"))
                .body("instance", equalTo("/api/v1/reuse/datasets/bic-never-published"))
                .body(not(containsString("Exception")));
    }

    @Test
    void malformedDatasetIdAnswers400ProblemJson() {
        given().urlEncodingEnabled(true).when().get("/api/v1/reuse/datasets/{id}", "not a valid id!").then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("type", equalTo("https://bioimagecatalog.org/problems/invalid-request"))
                .body("status", equalTo(400))
                .body("errors.field", contains("id"))
                .body("errors[0].message", notNullValue())
                .body("stackTrace", nullValue());
    }

    @Test
    void unknownPathAnswers404ProblemJson() {
        when().get("/api/v1/reuse/nothing-here").then()
                .statusCode(404)
                .contentType("application/problem+json")
                .body("status", equalTo(404))
                .body("type", equalTo("https://bioimagecatalog.org/problems/not-found"));
    }

    // --- helpers ---

    private static JsonPath awaitReport(String datasetId) {
        return await().atMost(KAFKA_WAIT).until(() -> reportOrNull(datasetId), r -> r != null);
    }

    private static JsonPath report(String datasetId) {
        return when().get("/api/v1/reuse/datasets/{id}", datasetId).then().statusCode(200)
                .contentType("application/json").extract().jsonPath();
    }

    private static JsonPath reportOrNull(String datasetId) {
        var response = when().get("/api/v1/reuse/datasets/{id}", datasetId);
        return response.statusCode() == 200 ? response.jsonPath() : null;
    }

    /**
     * Records of one partition are applied in order, so once a fresh sentinel sent to that partition is
     * visible, everything sent there before it has been applied (and its summary, if any, published).
     */
    private static void awaitConsumedUpTo(int partition) {
        String sentinel = "bic-sentinel-" + UUID.randomUUID();
        DatasetChanged event = DatasetEvents.withPrimaries(sentinel, 1);
        kafka.publish(partition, sentinel, ModelJson.write(event));
        awaitReport(sentinel);
    }

    private static double rejectedEvents() {
        return eventsCounted("rejected");
    }

    private static double eventsCounted(String outcome) {
        String metrics = when().get("/q/metrics").then().statusCode(200).extract().asString();
        return metrics.lines()
                .filter(l -> l.startsWith("bic_reuse_dataset_events_total{") && l.contains("outcome=\"" + outcome + "\""))
                .mapToDouble(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1)))
                .sum();
    }
}
