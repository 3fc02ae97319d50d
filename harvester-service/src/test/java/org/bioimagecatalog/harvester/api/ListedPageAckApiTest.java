package org.bioimagecatalog.harvester.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.bioimagecatalog.harvester.api.ArchiveHarvestApiTest.awaitFinished;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.AlterConfigOp;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.bioimagecatalog.harvester.api.ScriptedHttpServer.Reply;
import org.bioimagecatalog.model.ModelJson;
import org.bioimagecatalog.model.events.HarvestedRecord;
import org.bioimagecatalog.testsupport.StackTestResource;
import org.bioimagecatalog.testsupport.TestApiKeys;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

/**
 * A listed source is published a page at a time (here pages of two entries): a record the real broker refuses
 * (larger than the topic's {@code max.message.bytes}, lowered for the test) fails the run, and the run's position
 * stays after the last page Kafka acknowledged whole, so a resume reads the refused record's page again.
 */
@QuarkusTest
@TestProfile(ListedPageAckApiTest.PagesOfTwo.class)
@QuarkusTestResource(StackTestResource.class)
class ListedPageAckApiTest {
    private static final int TOPIC_LIMIT_BYTES = 30_000;

    public static class PagesOfTwo implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("bic.harvester.listed-page-size", "2");
        }
    }

    @Test
    void aRefusedRecordLeavesThePositionBeforeItsPageAndAResumePublishesThatPage() throws Exception {
        String listing = IntStream.rangeClosed(1, 6)
                .mapToObj(i -> "<a href=\"idr970%d-study.txt\">idr970%d-study.txt</a>".formatted(i, i))
                .collect(Collectors.joining("\n", "<html><body><pre>\n", "\n</pre></body></html>"));
        String topic = ConfigProvider.getConfig().getValue("bic.kafka.topic-prefix", String.class) + HarvestedRecord.TOPIC;
        try (ScriptedHttpServer mirror = ScriptedHttpServer.start(uri -> uri.getPath().equals("/") ? Reply.html(listing)
                : studyFile(uri)); Admin admin = admin()) {
            String runId;
            limitRecordSize(admin, topic, String.valueOf(TOPIC_LIMIT_BYTES));
            try {
                runId = given().header("X-API-Key", TestApiKeys.admin()).contentType(ContentType.JSON)
                        .body(Map.of("source", "idr", "location", mirror.baseUrl()))
                        .post("/api/v1/harvest/runs").then().statusCode(202).extract().path("id");

                Response failed = awaitFinished(runId);

                assertThat(failed.<String>path("status")).isEqualTo("FAILED");
                assertThat(failed.<String>path("failureReason")).contains("idr:idr9705");
                assertThat(failed.<Integer>path("published")).as("the two pages Kafka acknowledged whole").isEqualTo(4);
                assertThat(resumePosition(runId)).isEqualTo(mirror.baseUrl() + "idr9704-study.txt");
                assertThat(storedHashes(List.of("idr:idr9703", "idr:idr9704", "idr:idr9705", "idr:idr9706")))
                        .as("hashes are stored only for pages acknowledged whole")
                        .containsExactly("idr:idr9703", "idr:idr9704");
            } finally {
                limitRecordSize(admin, topic, null);
            }
            int requestsBefore = mirror.requests().size();

            given().header("X-API-Key", TestApiKeys.admin()).post("/api/v1/harvest/runs/" + runId + "/resume")
                    .then().statusCode(202);
            Response resumed = awaitFinished(runId);

            assertThat(resumed.<String>path("status")).isEqualTo("SUCCEEDED");
            assertThat(resumed.<Integer>path("published")).isEqualTo(6);
            assertThat(mirror.requests().subList(requestsBefore, mirror.requests().size()))
                    .as("the listing, then the refused record's page again, and nothing before it")
                    .containsExactly("/", "/idr9705-study.txt", "/idr9706-study.txt");
            assertThat(storedHashes(List.of("idr:idr9705", "idr:idr9706"))).containsExactly("idr:idr9705", "idr:idr9706");
        }
    }

    /** idr9705's description makes its record larger than the topic takes; the others are small. */
    private static Reply studyFile(URI uri) {
        String accession = uri.getPath().substring(1).replace("-study.txt", "");
        String description = accession.equals("idr9705") ? "cells imaged ".repeat(TOPIC_LIMIT_BYTES / 10) : "small";
        return new Reply(200, "text/plain", ("Comment[IDR Study Accession]\t" + accession + "\nStudy Title\tPaged "
                + accession + "\nStudy Description\t" + description + "\n").getBytes(StandardCharsets.UTF_8));
    }

    private static Admin admin() {
        Properties props = new Properties();
        props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class));
        return Admin.create(props);
    }

    /** Sets the topic's {@code max.message.bytes}, or back to the broker's default with null. */
    private static void limitRecordSize(Admin admin, String topic, String bytes) throws Exception {
        ConfigEntry entry = new ConfigEntry(TopicConfig.MAX_MESSAGE_BYTES_CONFIG, bytes);
        Collection<AlterConfigOp> ops = List.of(new AlterConfigOp(entry,
                bytes == null ? AlterConfigOp.OpType.DELETE : AlterConfigOp.OpType.SET));
        admin.incrementalAlterConfigs(Map.of(new ConfigResource(ConfigResource.Type.TOPIC, topic), ops)).all().get();
    }

    private static String resumePosition(String runId) throws SQLException {
        try (Connection db = database(); PreparedStatement select = db.prepareStatement(
                "select resume_position from harvester.harvest_run where id = ?::uuid")) {
            select.setString(1, runId);
            try (ResultSet rs = select.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        }
    }

    private static List<String> storedHashes(List<String> keys) throws SQLException {
        try (Connection db = database(); PreparedStatement select = db.prepareStatement(
                "select record_key from harvester.published_record where record_key = any(?) order by record_key")) {
            select.setArray(1, db.createArrayOf("text", keys.toArray()));
            List<String> stored = new ArrayList<>();
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    stored.add(rs.getString(1));
                }
            }
            return stored;
        }
    }

    private static Connection database() throws SQLException {
        return DriverManager.getConnection(
                ConfigProvider.getConfig().getValue("quarkus.datasource.jdbc.url", String.class), "postgres", "");
    }
}
