package org.bioimagecatalog.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.restassured.path.json.JsonPath;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.bioimagecatalog.e2e.OtlpTraceReceiver.ReceivedSpan;
import org.bioimagecatalog.testsupport.FixtureHttpServer;
import org.bioimagecatalog.testsupport.Fixtures;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * OpenTelemetry traces end to end (docs/observability.md): the four packaged services export to an OTLP/HTTP
 * receiver started here, three recorded IDR study files are harvested from a local HTTP server, and the spans of
 * one record must form one trace from the harvest run through Kafka, the catalog's outbox, the search index and
 * the reuse tracker, each span the child (or, for search's batch, linked to) the one before.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HarvestTraceEndToEndTest {
    private static final Duration PIPELINE = Duration.ofMinutes(3);
    private static final List<String> STUDIES = List.of("idr0001", "idr0002", "idr0003");
    private static final String RECORD = "idr:idr0001";

    private OtlpTraceReceiver receiver;
    private FixtureHttpServer archive;
    private RunningSystem system;

    @BeforeAll
    void startSystem(@TempDir Path studyFiles) throws IOException, InterruptedException {
        Path recorded = Fixtures.require("idr/study-files");
        for (String study : STUDIES) {
            Files.copy(recorded.resolve(study + "-study.txt"), studyFiles.resolve(study + "-study.txt"));
        }
        archive = FixtureHttpServer.serve(studyFiles);
        receiver = OtlpTraceReceiver.start();
        // export quickly (the default batch delay is 5 s) to the receiver; the catalog logs each record at DEBUG (a line
        // per poll at INFO), and the test reads that line for the trace id
        system = RunningSystem.start(Map.of("bic.otel.endpoint", receiver.endpoint(),
                "quarkus.otel.bsp.schedule.delay", "200ms",
                "quarkus.log.category.\"org.bioimagecatalog.catalog.ingest\".level", "DEBUG"));
    }

    @AfterAll
    void stopSystem() {
        if (system != null) {
            system.close();
        }
        if (receiver != null) {
            receiver.close();
        }
        if (archive != null) {
            archive.close();
        }
    }

    @Test
    void oneTraceFollowsARecordFromTheHarvestThroughTheOutboxToSearchAndReuse() {
        JsonPath run = system.harvestIdr(archive.baseUrl(), PIPELINE);
        assertThat(run.getString("status")).isEqualTo("SUCCEEDED");
        assertThat(run.getInt("published")).isEqualTo(STUDIES.size());
        String harvested = system.namespace + ".records.harvested.v1";
        String datasets = system.namespace + ".datasets.v1";

        // the harvester: run → read (→ GET of the study file) and run → send, into records.harvested.v1
        ReceivedSpan runSpan = awaitSpan("the run's span", s -> s.service().equals("harvester-service")
                && s.name().equals("harvest run") && run.getString("id").equals(s.attribute("bic.run.id")));
        assertThat(runSpan.parentSpanId()).isEmpty();
        assertThat(runSpan.attribute("bic.source")).isEqualTo("idr");
        String trace = runSpan.traceId();
        ReceivedSpan read = awaitSpan("the read of " + RECORD, s -> s.traceId().equals(trace)
                && s.name().equals("harvest read") && RECORD.equals(s.attribute("bic.record.key")));
        assertThat(read.isChildOf(runSpan)).isTrue();
        ReceivedSpan get = awaitSpan("the GET of the study file", s -> s.traceId().equals(trace) && s.name().equals("GET")
                && s.attributes().getOrDefault("url.full", "").endsWith("/idr0001-study.txt"));
        assertThat(get.isChildOf(read)).isTrue();
        assertThat(get.kind()).isEqualTo("CLIENT");
        assertThat(get.attribute("http.response.status_code")).isEqualTo("200");
        ReceivedSpan send = awaitSpan("the send of " + RECORD, s -> s.traceId().equals(trace)
                && s.name().equals("send " + harvested) && RECORD.equals(s.attribute("messaging.kafka.message.key")));
        assertThat(send.isChildOf(runSpan)).isTrue();
        assertThat(send.kind()).isEqualTo("PRODUCER");

        // the catalog: its consumer continues the trace, and the outbox row written in that transaction is sent in it
        ReceivedSpan consume = awaitSpan("the catalog's processing of " + RECORD, s -> s.service().equals("catalog-service")
                && s.name().equals("process " + harvested) && s.isChildOf(send));
        assertThat(consume.kind()).isEqualTo("CONSUMER");
        assertThat(consume.attribute("bic.record.key")).isEqualTo(RECORD);
        assertThat(consume.attribute("bic.run.id")).isEqualTo(run.getString("id"));
        assertThat(consume.attribute("bic.catalog.outcome")).isEqualTo("changed");
        String datasetId = consume.attribute("bic.dataset.id");
        assertThat(datasetId).startsWith("bic-");
        ReceivedSpan outbox = awaitSpan("the outbox's send of " + datasetId, s -> s.service().equals("catalog-service")
                && s.name().equals("send " + datasets) && datasetId.equals(s.attribute("messaging.kafka.message.key")));
        assertThat(outbox.isChildOf(consume)).isTrue();
        assertThat(outbox.attribute("bic.dataset.id")).isEqualTo(datasetId);

        // search indexes in batches: the batch span is linked to the record's trace, the connector's receive span is in it
        ReceivedSpan batch = awaitSpan("search's indexing batch", s -> s.service().equals("search-service")
                && s.name().equals("process " + datasets) && s.linksTo(outbox));
        assertThat(batch.kind()).isEqualTo("CONSUMER");
        assertThat(batch.traceId()).isNotEqualTo(trace);
        awaitSpan("search's receive of " + datasetId, s -> s.service().equals("search-service") && s.isChildOf(outbox));

        // the reuse tracker consumes record by record: its span is a child of the outbox's send
        ReceivedSpan reuse = awaitSpan("the reuse tracker's processing", s -> s.service().equals("reuse-tracker-service")
                && s.name().equals("process " + datasets) && s.isChildOf(outbox));
        assertThat(reuse.attribute("bic.dataset.id")).isEqualTo(datasetId);

        Set<String> services = receiver.spans().stream().filter(s -> s.traceId().equals(trace))
                .map(ReceivedSpan::service).collect(Collectors.toSet());
        assertThat(services).containsExactlyInAnyOrder("harvester-service", "catalog-service", "search-service",
                "reuse-tracker-service");
        // and the record's log lines carry the trace: the catalog logged the new dataset with the trace id
        assertThat(system.catalog.logLines()).anySatisfy(line -> assertThat(line)
                .contains("record " + RECORD).contains(datasetId).contains(trace));
    }

    /** Waits for the one span that matches; two would mean the test's idea of the trace is wrong. */
    private ReceivedSpan awaitSpan(String what, Predicate<ReceivedSpan> matches) {
        List<ReceivedSpan> found = await().alias(what).atMost(PIPELINE).pollInterval(Duration.ofMillis(200))
                .until(() -> receiver.spans().stream().filter(matches).toList(), l -> !l.isEmpty());
        assertThat(found).as(what).hasSize(1);
        return found.get(0);
    }
}
