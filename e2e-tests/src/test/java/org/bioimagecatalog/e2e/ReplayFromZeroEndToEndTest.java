package org.bioimagecatalog.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.restassured.path.json.JsonPath;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.bioimagecatalog.testsupport.Fixtures;
import org.bioimagecatalog.testsupport.LocalStack;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Replay from offset 0: the consumers (catalog, search, reuse tracker) are stopped once the recorded IDR
 * studies went through, their consumer groups are set back to offset 0 on every topic they read, and they are
 * started again. Once they have caught up, the catalog, the search index and the reuse tracker must be exactly
 * as before: same datasets and versions (a replay is not a change), same documents, same links and summaries.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReplayFromZeroEndToEndTest {
    private static final Duration PIPELINE = Duration.ofMinutes(3);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private Path studyFiles;
    private int studies;
    private RunningSystem system;
    private ConsumerLag lag;

    @BeforeAll
    void startSystem() throws IOException, InterruptedException {
        studyFiles = Fixtures.require("idr/study-files");
        try (Stream<Path> files = Files.list(studyFiles)) {
            studies = (int) files.filter(p -> p.getFileName().toString().endsWith("-study.txt")).count();
        }
        system = RunningSystem.start();
        lag = new ConsumerLag(system);
    }

    @AfterAll
    void stopSystem() {
        if (system != null) {
            system.close();
        }
        if (lag != null) {
            lag.close();
        }
    }

    @Test
    void replayingEveryTopicFromOffsetZeroLeavesTheSameState() throws Exception {
        JsonPath run = system.harvestIdr(studyFiles.toString(), PIPELINE);
        assertThat(run.getString("status")).isEqualTo("SUCCEEDED");
        assertThat(run.getInt("published")).isEqualTo(studies);
        Map<String, List<String>> before = settledState();
        assertThat(before.get("catalog.dataset")).hasSize(studies);
        assertThat(before.get("search.documents")).hasSize(studies);
        assertThat(before.get("reuse.tracked_dataset")).hasSize(studies);
        assertThat(before.get("reuse.citation_link")).isNotEmpty();
        long datasetEventsBefore = lag.endOffsets("datasets.v1");

        for (ServiceProcess consumer : consumers()) {
            consumer.stop();
        }
        for (String service : ConsumerLag.CONSUMED.keySet()) {
            lag.resetToZero(service);
        }
        for (ServiceProcess consumer : consumers()) {
            consumer.restart();
        }
        for (ServiceProcess consumer : consumers()) {
            consumer.awaitReady(Duration.ofSeconds(180));
        }
        Map<String, List<String>> after = settledState();

        System.out.printf("replay from offset 0: rows before/after %s%n", before.entrySet().stream()
                .map(e -> e.getKey() + " " + e.getValue().size() + "/" + after.get(e.getKey()).size())
                .collect(Collectors.joining(", ")));
        assertThat(after).isEqualTo(before);
        // a replay is not a change: the catalog published no new dataset version
        assertThat(lag.endOffsets("datasets.v1")).isEqualTo(datasetEventsBefore);
    }

    private List<ServiceProcess> consumers() {
        return List.of(system.catalog, system.search, system.reuse);
    }

    /** The state once every consumer group has read its topics to the end and two reads in a row agree. */
    private Map<String, List<String>> settledState() {
        AtomicReference<Map<String, List<String>>> last = new AtomicReference<>();
        return await().atMost(PIPELINE).pollInterval(Duration.ofSeconds(1)).ignoreExceptions().until(() -> {
            if (!lag.noneBehind()) {
                last.set(null);
                return null;
            }
            Map<String, List<String>> now = state();
            return now.equals(last.getAndSet(now)) ? now : null;
        }, state -> state != null && state.get("catalog.dataset").size() == studies
                && state.get("search.documents").size() == studies
                && state.get("reuse.tracked_dataset").size() == studies
                && state.get("catalog.outbox_pending").isEmpty());
    }

    /** Everything the consumers keep, as sorted rows, so that two snapshots compare with equals. */
    private Map<String, List<String>> state() throws SQLException, IOException, InterruptedException {
        Map<String, List<String>> state = new TreeMap<>();
        try (Connection db = DriverManager.getConnection(LocalStack.jdbcUrl(system.namespace), "postgres", "")) {
            state.put("catalog.dataset", rows(db, "SELECT id, version, content_hash FROM catalog.dataset"));
            state.put("catalog.dataset_version", rows(db,
                    "SELECT dataset_id, version, content_hash, withdrawn FROM catalog.dataset_version"));
            state.put("catalog.source_record", rows(db,
                    "SELECT key, content_hash, deleted, dataset_id FROM catalog.source_record"));
            // every event the catalog ever queued: a replay must queue none
            state.put("catalog.outbox", rows(db, "SELECT id, topic, key FROM catalog.outbox"));
            state.put("catalog.outbox_pending", rows(db, "SELECT id FROM catalog.outbox WHERE published_at IS NULL"));
            state.put("reuse.tracked_dataset", rows(db, "SELECT dataset_id, catalog_version, content_hash,"
                    + " summary_hash, summary_stale, withdrawn FROM reuse.tracked_dataset"));
            state.put("reuse.publication", rows(db, "SELECT doi, pmid, pmcid, title FROM reuse.publication"));
            state.put("reuse.citation_link", rows(db, "SELECT l.dataset_id, p.doi, p.pmid, l.relation, l.self_reuse"
                    + " FROM reuse.citation_link l JOIN reuse.publication p ON p.id = l.publication_id"));
            state.put("reuse.link_evidence", rows(db, "SELECT l.dataset_id, p.doi, p.pmid, e.kind, e.detail"
                    + " FROM reuse.link_evidence e JOIN reuse.citation_link l ON l.id = e.link_id"
                    + " JOIN reuse.publication p ON p.id = l.publication_id"));
            state.put("search.reuse_summary", rows(db,
                    "SELECT dataset_id, reuses, citations, distinct_citing_works FROM search.reuse_summary"));
        }
        state.put("search.documents", indexedDocuments());
        return state;
    }

    private static List<String> rows(Connection db, String sql) throws SQLException {
        List<String> rows = new ArrayList<>();
        try (Statement statement = db.createStatement(); ResultSet result = statement.executeQuery(sql)) {
            int columns = result.getMetaData().getColumnCount();
            while (result.next()) {
                StringBuilder row = new StringBuilder();
                for (int i = 1; i <= columns; i++) {
                    row.append(i > 1 ? " | " : "").append(result.getString(i));
                }
                rows.add(row.toString());
            }
        }
        rows.sort(null);
        return rows;
    }

    /** Every document behind the namespace's alias: id and source, duplicates included. */
    private List<String> indexedDocuments() throws IOException, InterruptedException {
        String alias = "http://" + LocalStack.elasticsearchHost() + "/" + system.namespace + "-datasets";
        HTTP.send(HttpRequest.newBuilder(URI.create(alias + "/_refresh"))
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.discarding());
        HttpResponse<String> answer = HTTP.send(HttpRequest.newBuilder(URI.create(alias + "/_search?size=1000"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"query\":{\"match_all\":{}}}")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        List<String> documents = new ArrayList<>();
        for (JsonNode hit : JSON.readTree(answer.body()).path("hits").path("hits")) {
            documents.add(hit.path("_id").asText() + " " + JSON.writeValueAsString(hit.path("_source")));
        }
        documents.sort(null);
        return documents;
    }
}
