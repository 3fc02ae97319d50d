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
        // enough records that two leaving stay under the withdrawal guard's share (2 of 31 is 6.5%, under 10%)
        for (int i = 10; i < 38; i++) {
            study(dir, "idr91" + i, "Kept throughout " + i);
        }
        try (FixtureHttpServer server = FixtureHttpServer.serve(dir)) {
            String location = server.baseUrl();

            Response first = harvest(location);
            assertThat(first.<Integer>path("published")).isEqualTo(31);

            Files.delete(dir.resolve("idr9102-study.txt"));
            Files.delete(dir.resolve("idr9103-study.txt"));
            Response second = harvest(location);
            assertThat(second.<Integer>path("seen")).isEqualTo(29);
            assertThat(second.<Integer>path("deleted")).as("one miss is not enough").isZero();

            study(dir, "idr9102", "Leaves once, comes back, leaves again");
            Response third = harvest(location);
            assertThat(third.<Integer>path("deleted")).isEqualTo(1);
            assertThat(third.<Integer>path("seen")).isEqualTo(30);
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
    void aListingThatShrankMoreThanTheGuardAllowsWithdrawsNothingAndSaysWhy(@TempDir Path dir) throws IOException {
        for (int i = 1; i <= 10; i++) {
            study(dir, "idr93" + (i < 10 ? "0" + i : i), "Listed first " + i);
        }
        try (FixtureHttpServer server = FixtureHttpServer.serve(dir)) {
            String location = server.baseUrl();
            assertThat(harvest(location).<Integer>path("published")).isEqualTo(10);

            // a truncated listing, twice: without the guard the second run would withdraw the four it misses
            for (int i = 7; i <= 10; i++) {
                Files.delete(dir.resolve("idr93" + (i < 10 ? "0" + i : i) + "-study.txt"));
            }
            for (int run = 0; run < 2; run++) {
                Response truncated = harvest(location, "PARTIAL");
                assertThat(truncated.<Integer>path("seen")).isEqualTo(6);
                assertThat(truncated.<Integer>path("deleted")).isZero();
                assertThat(truncated.<String>path("failureReason")).contains("withdrew nothing")
                        .contains("from 10 to 6 records").contains("40%").contains("10%");
                assertThat(eventsOf(truncated.path("id"))).isEmpty();
            }
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
        return harvest(location, "SUCCEEDED");
    }

    private static Response harvest(String location, String expectedStatus) {
        String id = given().header("X-API-Key", TestApiKeys.admin()).contentType(ContentType.JSON)
                .body(Map.of("source", "idr", "location", location))
                .when().post(RUNS).then().statusCode(202).extract().path("id");
        Response[] last = new Response[1];
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200)).until(() -> {
            last[0] = given().header("X-API-Key", TestApiKeys.admin()).get(RUNS + "/" + id).then().statusCode(200).extract().response();
            return !"RUNNING".equals(last[0].path("status"));
        });
        assertThat(last[0].<String>path("status")).isEqualTo(expectedStatus);
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
