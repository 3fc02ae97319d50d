package org.bioimagecatalog.harvester.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.bioimagecatalog.harvester.api.ScriptedHttpServer.Reply;
import org.bioimagecatalog.model.ModelJson;
import org.bioimagecatalog.model.events.HarvestedRecord;
import org.bioimagecatalog.testsupport.TestApiKeys;
import org.bioimagecatalog.testsupport.StackTestResource;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

/**
 * Runs left RUNNING by a replica that died. What a killed replica leaves behind is written into the harvester's
 * schema exactly as a running replica writes it (a RUNNING run with its counters and the last entry or page it
 * finished; no lock, since a dead process's connection and advisory lock are gone); this replica then notices the run,
 * takes the source's lock and continues it, without reading again what was finished and without losing the rest.
 */
@QuarkusTest
@QuarkusTestResource(StackTestResource.class)
class CrashResumeApiTest {

    @Test
    void aListedRunContinuesAfterTheLastEntryItFinished() throws Exception {
        String listing = IntStream.rangeClosed(1, 6)
                .mapToObj(i -> "<a href=\"idr940%d-study.txt\">idr940%d-study.txt</a>".formatted(i, i))
                .collect(Collectors.joining("\n", "<html><body><pre>\n", "\n</pre></body></html>"));
        try (ScriptedHttpServer mirror = ScriptedHttpServer.start(uri -> uri.getPath().equals("/") ? Reply.html(listing)
                : studyFile(uri))) {
            UUID runId = UUID.randomUUID();
            leftByADeadReplica(runId, "idr", mirror.baseUrl(), 3, mirror.baseUrl() + "idr9403-study.txt", null, null);

            Response run = awaitFinished(runId);

            assertThat(run.<String>path("status")).isEqualTo("SUCCEEDED");
            assertThat(run.<Integer>path("resumes")).isEqualTo(1);
            assertThat(run.<Integer>path("seen")).isEqualTo(6);
            assertThat(run.<Integer>path("published")).isEqualTo(6);
            assertThat(mirror.requests()).as("the listing, then only the entries after the last finished one")
                    .containsExactly("/", "/idr9404-study.txt", "/idr9405-study.txt", "/idr9406-study.txt");
            assertThat(publishedBy(runId)).containsExactly("idr:idr9404", "idr:idr9405", "idr:idr9406");
        }
    }

    @Test
    void aPagedRunContinuesAtThePageAfterTheLastItFinishedAndKeepsItsCheckpoint() throws Exception {
        try (ScriptedHttpServer api = ScriptedHttpServer.start(CrashResumeApiTest::dataCitePage)) {
            String location = api.baseUrl() + "dois?query=crash";
            UUID runId = UUID.randomUUID();
            String pageThree = api.baseUrl() + "dois?query=crash&page%5Bcursor%5D=3";
            leftByADeadReplica(runId, "dryad", location, 4, pageThree, "2026-01-02T03:04:05Z", 2);

            Response run = awaitFinished(runId);

            assertThat(run.<String>path("status")).isEqualTo("SUCCEEDED");
            assertThat(run.<Integer>path("pages")).isEqualTo(3);
            assertThat(run.<Integer>path("seen")).isEqualTo(6);
            assertThat(api.requests()).containsExactly("/dois?query=crash&page%5Bcursor%5D=3");
            assertThat(publishedBy(runId)).containsExactly("dryad:10.5061/crash.5", "dryad:10.5061/crash.6");
            assertThat(checkpoint("dryad", location)).as("the checkpoint of the run's first life")
                    .isEqualTo("2026-01-02T03:04:05Z");
        }
    }

    private static Reply studyFile(URI uri) {
        String accession = uri.getPath().substring(1).replace("-study.txt", "");
        return new Reply(200, "text/plain", ("Comment[IDR Study Accession]\t" + accession + "\nStudy Title\tResumed "
                + accession + "\n").getBytes(StandardCharsets.UTF_8));
    }

    /** Page N (page[cursor]=N) holds DOIs 2N-1 and 2N and links to page N+1, up to page 3. */
    private static Reply dataCitePage(URI uri) {
        String query = uri.getQuery() == null ? "" : uri.getQuery();
        int page = query.contains("page[cursor]=") ? Integer.parseInt(query.replaceAll(".*page\\[cursor]=(\\d+).*", "$1")) : 1;
        String items = IntStream.of(2 * page - 1, 2 * page)
                .mapToObj(n -> "{\"id\":\"10.5061/crash.%d\",\"type\":\"dois\",\"attributes\":{\"doi\":\"10.5061/crash.%d\","
                        .formatted(n, n) + "\"titles\":[{\"title\":\"Crash test dataset " + n + "\"}]}}")
                .collect(Collectors.joining(","));
        String next = page < 3 ? ",\"links\":{\"next\":\"/dois?query=crash&page%5Bcursor%5D=" + (page + 1) + "\"}" : "";
        return Reply.json("{\"data\":[" + items + "]" + next + "}");
    }

    /** The rows a replica writes while it harvests, as it left them when it was killed. */
    private static void leftByADeadReplica(UUID runId, String source, String location, int finished, String position,
            String checkpoint, Integer pages) throws SQLException {
        try (Connection db = database(); PreparedStatement insert = db.prepareStatement("insert into harvester.harvest_run"
                + " (id, source, location, force, status, started_at, seen, published, unchanged, rejected, pages,"
                + " deleted, resume_position, resume_checkpoint) values (?, ?, ?, false, 'RUNNING', ?, ?, ?, 0, 0, ?, 0, ?, ?)")) {
            insert.setObject(1, runId);
            insert.setString(2, source);
            insert.setString(3, location);
            insert.setTimestamp(4, Timestamp.from(Instant.now()));
            insert.setInt(5, finished);
            insert.setInt(6, finished);
            insert.setInt(7, pages == null ? 0 : pages);
            insert.setString(8, position);
            insert.setString(9, checkpoint);
            insert.executeUpdate();
        }
    }

    private static String checkpoint(String source, String location) throws SQLException {
        try (Connection db = database(); PreparedStatement select = db.prepareStatement(
                "select checkpoint from harvester.source_checkpoint where source = ? and location = ?")) {
            select.setString(1, source);
            select.setString(2, location);
            try (ResultSet rs = select.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        }
    }

    private static Connection database() throws SQLException {
        return DriverManager.getConnection(
                ConfigProvider.getConfig().getValue("quarkus.datasource.jdbc.url", String.class), "postgres", "");
    }

    private static Response awaitFinished(UUID runId) {
        Response[] last = new Response[1];
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200)).until(() -> {
            last[0] = given().header("X-API-Key", TestApiKeys.admin()).get("/api/v1/harvest/runs/" + runId).then().statusCode(200).extract().response();
            return !"RUNNING".equals(last[0].path("status"));
        });
        return last[0];
    }

    private static List<String> publishedBy(UUID runId) {
        String topic = ConfigProvider.getConfig().getValue("bic.kafka.topic-prefix", String.class) + HarvestedRecord.TOPIC;
        return TopicReader.readAll(topic).stream()
                .map(r -> ModelJson.read(r.value(), HarvestedRecord.class))
                .filter(r -> runId.toString().equals(r.runId()))
                .map(HarvestedRecord::key).sorted().toList();
    }
}
