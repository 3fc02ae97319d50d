package org.bioimagecatalog.reuse;

import static io.restassured.RestAssured.when;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.bioimagecatalog.model.events.DatasetChanged;
import org.bioimagecatalog.model.events.ReuseSummary;
import org.bioimagecatalog.reuse.summary.ReuseSummarySweep;
import org.bioimagecatalog.testsupport.StackTestResource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The summaries of a poll are published together after its commit, and the sweep publishes through the same
 * batches: real events on this JVM's datasets.v1, summaries read back from reuse.summary.v1, flags read from the
 * database. (A batch Kafka refuses is covered by SummaryBatchTest: the shared broker cannot be made to refuse.)
 */
@QuarkusTest
@QuarkusTestResource(StackTestResource.class)
class ReuseSummaryBatchTest {
    private static final Duration KAFKA_WAIT = Duration.ofSeconds(60);
    private static TestKafka kafka;

    @Inject
    AgroalDataSource db;

    @Inject
    ReuseSummarySweep sweep;

    @BeforeAll
    static void connect() {
        kafka = new TestKafka();
    }

    @AfterAll
    static void disconnect() {
        kafka.close();
    }

    @Test
    void aPollOfManyEventsPublishesEachSummaryOnceClearsEveryFlagAndItsReplayPublishesNothing() throws SQLException {
        String prefix = "bic-batch-" + UUID.randomUUID().toString().substring(0, 8) + "-";
        List<DatasetChanged> events = IntStream.range(0, 40).mapToObj(i -> DatasetEvents.withPrimaries(prefix + i, 1,
                DatasetEvents.primary("10.5555/" + prefix + i, null, null, "Paper " + i, 2010 + i % 3))).toList();

        kafka.publishAll(0, events);

        List<ReuseSummary> summaries = await().atMost(KAFKA_WAIT).pollInSameThread()
                .until(() -> kafka.summariesWithPrefix(prefix), list -> list.size() >= 40);
        Map<String, ReuseSummary> byDataset = summaries.stream()
                .collect(Collectors.toMap(ReuseSummary::datasetId, Function.identity()));
        assertThat(byDataset).as("one summary per dataset").hasSize(40);
        for (int i = 0; i < 40; i++) {
            ReuseSummary summary = byDataset.get(prefix + i);
            assertThat(summary.citations()).as(prefix + i).isEqualTo(1);
            assertThat(summary.byYear()).as(prefix + i).isEqualTo(Map.of(2010 + i % 3, 1));
        }
        assertThat(count("summary_stale", prefix)).isZero();
        assertThat(count("summary_hash is not null", prefix)).isEqualTo(40);

        kafka.publishAll(0, events);
        awaitConsumedUpTo(0);

        // nothing changed, so nothing more is announced: the count holds for a while, not just at one instant
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5)).pollInSameThread()
                .until(() -> kafka.summariesWithPrefix(prefix).size() == 40);
        assertThat(count("summary_stale", prefix)).isZero();
    }

    @Test
    void theSweepPublishesWhatWasLeftStaleAndClearsTheFlags() throws SQLException {
        String prefix = "bic-swept-" + UUID.randomUUID().toString().substring(0, 8) + "-";
        List<DatasetChanged> events = IntStream.range(0, 3).mapToObj(i -> DatasetEvents.withPrimaries(prefix + i, 1,
                DatasetEvents.primary("10.5555/" + prefix + i, null, null, "Paper " + i, 2020))).toList();
        kafka.publishAll(0, events);
        await().atMost(KAFKA_WAIT).pollInSameThread().until(() -> kafka.summariesWithPrefix(prefix).size() == 3);
        // as a crash between commit and publish leaves them: two never published, one whose figures were published
        update("update reuse.tracked_dataset set summary_stale = true, summary_hash = null where dataset_id in (?, ?)",
                prefix + 0, prefix + 1);
        update("update reuse.tracked_dataset set summary_stale = true where dataset_id = ?", prefix + 2);

        sweep.publishStaleSummaries();

        assertThat(count("summary_stale", prefix)).isZero();
        List<ReuseSummary> summaries = await().atMost(KAFKA_WAIT).pollInSameThread()
                .until(() -> kafka.summariesWithPrefix(prefix), list -> list.size() >= 5);
        assertThat(summaries).extracting(ReuseSummary::datasetId)
                .containsExactlyInAnyOrder(prefix + 0, prefix + 0, prefix + 1, prefix + 1, prefix + 2);
    }

    /**
     * Records of one partition are applied in order, so once a fresh sentinel sent to that partition is visible,
     * everything sent there before it has been applied (and its summaries published).
     */
    private static void awaitConsumedUpTo(int partition) {
        DatasetChanged sentinel = DatasetEvents.withPrimaries("bic-sentinel-" + UUID.randomUUID(), 1);
        kafka.publishAll(partition, List.of(sentinel));
        await().atMost(KAFKA_WAIT)
                .until(() -> when().get("/api/v1/reuse/datasets/{id}", sentinel.datasetId()).statusCode() == 200);
    }

    private long count(String condition, String prefix) throws SQLException {
        try (Connection c = db.getConnection(); PreparedStatement s = c.prepareStatement(
                "select count(*) from reuse.tracked_dataset where dataset_id like ? and " + condition)) {
            s.setString(1, prefix + "%");
            try (ResultSet r = s.executeQuery()) {
                r.next();
                return r.getLong(1);
            }
        }
    }

    private void update(String sql, String... ids) throws SQLException {
        try (Connection c = db.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < ids.length; i++) {
                s.setString(i + 1, ids[i]);
            }
            assertThat(s.executeUpdate()).isEqualTo(ids.length);
        }
    }
}
