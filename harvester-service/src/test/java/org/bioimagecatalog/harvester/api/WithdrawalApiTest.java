package org.bioimagecatalog.harvester.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.bioimagecatalog.model.ModelJson;
import org.bioimagecatalog.model.events.HarvestedRecord;
import org.bioimagecatalog.testsupport.FixtureHttpServer;
import org.bioimagecatalog.testsupport.StackTestResource;
import org.bioimagecatalog.testsupport.TestApiKeys;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Records that vanish upstream: a folder of self-written IDR study files is served over real HTTP and changed
 * between full runs; a record is withdrawn (a deletion event on the topic) only once two consecutive full runs
 * missed it, and a record that comes back in between starts counting again.
 */
@QuarkusTest
@QuarkusTestResource(StackTestResource.class)
class WithdrawalApiTest {
    private static final String RUNS = "/api/v1/harvest/runs";

    @Test
    void aRecordMissingFromTwoConsecutiveFullRunsIsWithdrawn(@TempDir Path dir) throws IOException {
        study(dir, "idr9101", "Kept throughout");
        study(dir, "idr9102", "Leaves once, comes back, leaves again");
        study(dir, "idr9103", "Leaves for good");
        try (FixtureHttpServer server = FixtureHttpServer.serve(dir)) {
            String location = server.baseUrl();

            Response first = harvest(location);
            assertThat(first.<Integer>path("published")).isEqualTo(3);

            Files.delete(dir.resolve("idr9102-study.txt"));
            Files.delete(dir.resolve("idr9103-study.txt"));
            Response second = harvest(location);
            assertThat(second.<Integer>path("seen")).isEqualTo(1);
            assertThat(second.<Integer>path("deleted")).as("one miss is not enough").isZero();

            study(dir, "idr9102", "Leaves once, comes back, leaves again");
            Response third = harvest(location);
            assertThat(third.<Integer>path("deleted")).isEqualTo(1);
            assertThat(third.<Integer>path("seen")).isEqualTo(2);
            List<HarvestedRecord> withdrawn = eventsOf(third.path("id"));
            assertThat(withdrawn).singleElement().satisfies(r -> {
                assertThat(r.key()).isEqualTo("idr:idr9103");
                assertThat(r.deleted()).isTrue();
                assertThat(r.metadata()).isNull();
                assertThat(r.nativeId()).isEqualTo("idr9103");
                assertThat(r.sourceUrl()).isEqualTo(location + "idr9103-study.txt");
            });

            Files.delete(dir.resolve("idr9102-study.txt"));
            Response fourth = harvest(location);
            assertThat(fourth.<Integer>path("deleted")).as("idr9102 was listed by the third run: its count restarted")
                    .isZero();
            assertThat(eventsOf(fourth.path("id"))).isEmpty();

            Response fifth = harvest(location);
            assertThat(fifth.<Integer>path("deleted")).isEqualTo(1);
            assertThat(eventsOf(fifth.path("id"))).extracting(HarvestedRecord::key, HarvestedRecord::deleted)
                    .containsExactly(org.assertj.core.groups.Tuple.tuple("idr:idr9102", true));

            Response sixth = harvest(location);
            assertThat(sixth.<Integer>path("deleted")).as("a withdrawn record is withdrawn once").isZero();
        }
    }

    @Test
    void harvestingOneFileOfASourceNeverWithdrawsTheRestOfIt(@TempDir Path dir) throws IOException {
        study(dir, "idr9201", "One");
        study(dir, "idr9202", "Two");
        try (FixtureHttpServer server = FixtureHttpServer.serve(dir)) {
            harvest(server.baseUrl());
            String oneFile = server.baseUrl() + "idr9201-study.txt";
            harvest(oneFile);
            harvest(oneFile);
            Response third = harvest(oneFile);
            assertThat(third.<Integer>path("deleted")).isZero();
            Response whole = harvest(server.baseUrl());
            assertThat(whole.<Integer>path("deleted")).isZero();
            assertThat(whole.<Integer>path("unchanged")).isEqualTo(2);
        }
    }

    private static void study(Path dir, String accession, String title) throws IOException {
        Files.writeString(dir.resolve(accession + "-study.txt"), "Comment[IDR Study Accession]\t" + accession
                + "\nStudy Title\t" + title + "\nStudy Description\tA self-written study file for the withdrawal test.\n");
    }

    private static Response harvest(String location) {
        String id = given().header("X-API-Key", TestApiKeys.admin()).contentType(ContentType.JSON)
                .body(Map.of("source", "idr", "location", location))
                .when().post(RUNS).then().statusCode(202).extract().path("id");
        Response[] last = new Response[1];
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200)).until(() -> {
            last[0] = given().get(RUNS + "/" + id).then().statusCode(200).extract().response();
            return !"RUNNING".equals(last[0].path("status"));
        });
        assertThat(last[0].<String>path("status")).isEqualTo("SUCCEEDED");
        return last[0];
    }

    private static List<HarvestedRecord> eventsOf(String runId) {
        String topic = ConfigProvider.getConfig().getValue("bic.kafka.topic-prefix", String.class) + HarvestedRecord.TOPIC;
        return TopicReader.readAll(topic).stream()
                .map(r -> ModelJson.read(r.value(), HarvestedRecord.class))
                .filter(r -> runId.equals(r.runId()))
                .toList();
    }
}
