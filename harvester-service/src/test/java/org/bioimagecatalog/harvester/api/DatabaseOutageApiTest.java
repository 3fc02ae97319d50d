package org.bioimagecatalog.harvester.api;

import static io.restassured.RestAssured.given;
import static org.bioimagecatalog.testsupport.DatabaseUnavailableAnswer.assertUnavailable;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.bioimagecatalog.harvester.api.ScriptedHttpServer.Reply;
import org.bioimagecatalog.model.ModelJson;
import org.bioimagecatalog.model.events.HarvestedRecord;
import org.bioimagecatalog.testsupport.PrivatePostgres;
import org.bioimagecatalog.testsupport.PrivatePostgresProfile;
import org.bioimagecatalog.testsupport.TestApiKeys;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

/**
 * PostgreSQL really gone: the service runs on a PostgreSQL server of this test alone, which is stopped (like a
 * crash: {@code pg_ctl stop -m immediate}) and started again. While it is down every endpoint answers 503
 * problem+json with Retry-After; a run that loses it mid-way ends FAILED with the reason once it is back, and
 * resumes from its last finished page.
 */
@QuarkusTest
@TestProfile(PrivatePostgresProfile.class)
class DatabaseOutageApiTest {
    private static final String RUNS = "/api/v1/harvest/runs";

    PrivatePostgres postgres;

    @Test
    void whilePostgresqlIsDownEveryEndpointAnswers503WithRetryAfter() {
        String unknownRun = UUID.randomUUID().toString();
        given().get(RUNS + "/" + unknownRun).then().statusCode(404);
        postgres.stop();
        try {
            assertUnavailable(given().get(RUNS + "/" + unknownRun));
            assertUnavailable(given().get(RUNS));
            assertUnavailable(given().get("/api/v1/harvest/sources"));
            assertUnavailable(given().header("X-API-Key", TestApiKeys.admin()).contentType(ContentType.JSON)
                    .body(Map.of("source", "dryad", "location", "http://127.0.0.1:9/dois")).post(RUNS));
            assertUnavailable(given().header("X-API-Key", TestApiKeys.admin()).post(RUNS + "/" + unknownRun + "/resume"));
        } finally {
            postgres.start();
        }
        given().get(RUNS + "/" + unknownRun).then().statusCode(404);
    }

    @Test
    void aRunThatLosesItsDatabaseEndsFailedWithTheReasonAndResumesFromItsLastFinishedPage() throws Exception {
        CountDownLatch pageTwoAsked = new CountDownLatch(1);
        CountDownLatch answerPageTwo = new CountDownLatch(1);
        AtomicBoolean held = new AtomicBoolean();
        try (ScriptedHttpServer api = ScriptedHttpServer.start(uri -> {
            if (page(uri) == 2 && held.compareAndSet(false, true)) {
                pageTwoAsked.countDown(); // the first request for page 2 waits until PostgreSQL is down
                awaitQuietly(answerPageTwo);
            }
            return dataCitePage(uri);
        })) {
            String runId = given().header("X-API-Key", TestApiKeys.admin()).contentType(ContentType.JSON)
                    .body(Map.of("source", "dryad", "location", api.baseUrl() + "dois?query=outage"))
                    .post(RUNS).then().statusCode(202).extract().path("id");
            assertThat(pageTwoAsked.await(60, TimeUnit.SECONDS)).as("page 2 requested").isTrue();

            postgres.stop();
            try (DatabaseLossWatcher lost = DatabaseLossWatcher.watch()) {
                assertUnavailable(given().get(RUNS + "/" + runId));
                // page 2 arrives while PostgreSQL is down: counting it fails. PostgreSQL stays down until the run
                // has said so; back sooner, the run's next statement could find a fresh connection and go on
                answerPageTwo.countDown();
                assertThat(lost.await(Duration.ofSeconds(60))).as("the run noticed that PostgreSQL is gone").isTrue();
            } finally {
                postgres.start();
            }

            Response failed = awaitFinished(runId);
            assertThat(failed.<String>path("status")).isEqualTo("FAILED");
            assertThat(failed.<String>path("failureReason"))
                    .startsWith("PostgreSQL became unreachable during the run (")
                    .endsWith("it can be resumed from its last finished page: POST /api/v1/harvest/runs/" + runId + "/resume");
            assertThat(failed.<Integer>path("pages")).isEqualTo(1);
            assertThat(failed.<Integer>path("published")).isEqualTo(2);

            given().header("X-API-Key", TestApiKeys.admin()).post(RUNS + "/" + runId + "/resume")
                    .then().statusCode(202).body("status", equalTo("RUNNING")).body("resumes", equalTo(1));
            Response resumed = awaitFinished(runId);

            assertThat(resumed.<String>path("status")).isEqualTo("SUCCEEDED");
            assertThat(resumed.<Integer>path("pages")).isEqualTo(3);
            assertThat(resumed.<Integer>path("published")).isEqualTo(6);
            assertThat(resumed.<String>path("failureReason")).isNull();
            assertThat(api.requests()).as("page 1 once; page 2 again after the resume, then page 3")
                    .extracting(r -> page(URI.create(r))).containsExactly(1, 2, 2, 3);
            assertThat(publishedBy(runId)).as("each record once: page 1's were not published again")
                    .containsExactly("dryad:10.5061/outage.1", "dryad:10.5061/outage.2", "dryad:10.5061/outage.3",
                            "dryad:10.5061/outage.4", "dryad:10.5061/outage.5", "dryad:10.5061/outage.6");
            given().header("X-API-Key", TestApiKeys.admin()).post(RUNS + "/" + runId + "/resume")
                    .then().statusCode(409).body("type", equalTo("https://bioimagecatalog.org/problems/run-not-resumable"));
        }
    }


    private static int page(URI uri) {
        String query = uri.getQuery() == null ? "" : uri.getQuery();
        return query.contains("page[cursor]=") ? Integer.parseInt(query.replaceAll(".*page\\[cursor]=(\\d+).*", "$1")) : 1;
    }

    /** Page N holds DOIs 2N-1 and 2N and links to page N+1, up to page 3. */
    private static Reply dataCitePage(URI uri) {
        int page = page(uri);
        String items = IntStream.of(2 * page - 1, 2 * page)
                .mapToObj(n -> "{\"id\":\"10.5061/outage.%d\",\"type\":\"dois\",\"attributes\":{\"doi\":\"10.5061/outage.%d\","
                        .formatted(n, n) + "\"titles\":[{\"title\":\"Outage test dataset " + n + "\"}]}}")
                .collect(Collectors.joining(","));
        String next = page < 3 ? ",\"links\":{\"next\":\"/dois?query=outage&page%5Bcursor%5D=" + (page + 1) + "\"}" : "";
        return Reply.json("{\"data\":[" + items + "]" + next + "}");
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await(60, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static Response awaitFinished(String runId) {
        Response[] last = new Response[1];
        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(250)).ignoreExceptions().until(() -> {
            last[0] = given().header("X-API-Key", TestApiKeys.admin()).get(RUNS + "/" + runId).then().statusCode(200).extract().response();
            return !"RUNNING".equals(last[0].path("status"));
        });
        return last[0];
    }

    private static List<String> publishedBy(String runId) {
        String topic = ConfigProvider.getConfig().getValue("bic.kafka.topic-prefix", String.class) + HarvestedRecord.TOPIC;
        return TopicReader.readAll(topic).stream()
                .map(r -> ModelJson.read(r.value(), HarvestedRecord.class))
                .filter(r -> runId.equals(r.runId()))
                .map(HarvestedRecord::key).sorted().toList();
    }
}
