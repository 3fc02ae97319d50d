package org.bioimagecatalog.reuse;

import static org.awaitility.Awaitility.await;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;
import org.bioimagecatalog.model.events.DatasetChanged;
import org.bioimagecatalog.testsupport.StackTestResource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * How fast the tracker applies {@code datasets.v1} as the pipeline feeds it: N new datasets with one primary
 * publication each (so each event adds a publication, a link and a summary) on this JVM's topic, timed from the
 * first send to the last summary published (its stale flag cleared). A benchmark, not a test: it prints figures
 * and asserts no timing. Run alone on the real stack:
 * {@code ./mvnw -B -o -pl reuse-tracker-service -am verify -Dtest=ReuseApplyBench -Dsurefire.failIfNoSpecifiedTests=false -Dbic.bench.reuse.events=5000}
 */
@QuarkusTest
@QuarkusTestResource(StackTestResource.class)
@EnabledIfSystemProperty(named = "bic.bench.reuse.events", matches = "\\d+")
class ReuseApplyBench {

    @Inject
    AgroalDataSource db;

    @Test
    void appliesNewDatasetsWithOnePrimaryPublicationEach() throws Exception {
        int n = Integer.getInteger("bic.bench.reuse.events");
        String run = "bic-bench-" + UUID.randomUUID().toString().substring(0, 8);
        List<DatasetChanged> events = IntStream.range(0, n).mapToObj(i -> DatasetEvents.withPrimaries(run + "-" + i, 1,
                DatasetEvents.primary("10.5555/" + run + "." + i, null, null, "Bench paper " + i, 2020 + i % 5)))
                .toList();
        try (TestKafka kafka = new TestKafka()) {
            String loadBefore = loadAverage();
            long cpuBefore = processCpuNanos();
            long start = System.nanoTime();
            kafka.publishAll(0, events);
            double sent = seconds(start);
            await().atMost(Duration.ofMinutes(30)).pollInterval(Duration.ofMillis(100)).until(() -> published(run) == n);
            double elapsed = seconds(start);
            double cpuMsPerEvent = (processCpuNanos() - cpuBefore) / 1e6 / n;
            System.out.printf("%nreuse apply bench: %d events (one new primary publication each) sent in %.1f s,"
                    + " applied and summarised in %.1f s = %.0f events/s, %.2f ms CPU per event (whole test JVM);"
                    + " load average before %s, after %s%n%n", n, sent, elapsed, n / elapsed, cpuMsPerEvent,
                    loadBefore, loadAverage());
        }
    }

    /** Datasets of this run whose summary was published and whose stale flag was cleared. */
    private long published(String run) throws SQLException {
        try (Connection c = db.getConnection(); PreparedStatement s = c.prepareStatement(
                "select count(*) from reuse.tracked_dataset where dataset_id like ? and summary_hash is not null"
                        + " and not summary_stale")) {
            s.setString(1, run + "-%");
            try (ResultSet r = s.executeQuery()) {
                r.next();
                return r.getLong(1);
            }
        }
    }

    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    /** The 1, 5 and 15 minute load averages, as uptime shows them. */
    private static String loadAverage() throws Exception {
        return String.join(" ", List.of(Files.readString(Path.of("/proc/loadavg")).split(" ")).subList(0, 3));
    }

    private static double seconds(long since) {
        return (System.nanoTime() - since) / 1e9;
    }
}
