package org.bioimagecatalog.harvester.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.bioimagecatalog.harvester.api.ScriptedHttpServer.Reply;
import org.bioimagecatalog.testsupport.StackTestResource;
import org.bioimagecatalog.testsupport.TestApiKeys;
import org.junit.jupiter.api.Test;

/**
 * A source's circuit breaker in a real run: a mirror whose study files answer 500 stops the run early (PARTIAL,
 * with the reason) once three requests failed, refuses the next run without sending anything, and lets a trial
 * through after the open period, closing again when the mirror is back.
 */
@QuarkusTest
@QuarkusTestResource(StackTestResource.class)
@TestProfile(CircuitBreakerApiTest.BreakerOn.class)
class CircuitBreakerApiTest {
    private static final String RUNS = "/api/v1/harvest/runs";
    private static final int FILES = 10;

    public static class BreakerOn implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("bic.harvester.politeness.breaker-failures", "3",
                    "bic.harvester.politeness.breaker-open-for", "8s",
                    "bic.harvester.http.max-attempts", "2");
        }
    }

    @Test
    void aFailingMirrorOpensTheBreakerWhichStopsTheRunThenLetsATrialThrough() {
        AtomicBoolean down = new AtomicBoolean(true);
        String listing = IntStream.rangeClosed(1, FILES)
                .mapToObj(i -> "<a href=\"idr95%02d-study.txt\">idr95%02d-study.txt</a>".formatted(i, i))
                .collect(Collectors.joining("\n", "<html><body><pre>\n", "\n</pre></body></html>"));
        try (ScriptedHttpServer mirror = ScriptedHttpServer.start(uri -> {
            String name = uri.getPath().substring(1);
            if (name.isEmpty()) {
                return Reply.html(listing);
            }
            if (down.get()) {
                return Reply.status(500);
            }
            String accession = name.replace("-study.txt", "");
            return new Reply(200, "text/plain", ("Comment[IDR Study Accession]\t" + accession
                    + "\nStudy Title\tBreaker test " + accession + "\n").getBytes(java.nio.charset.StandardCharsets.UTF_8));
        })) {
            Response first = harvest(mirror.baseUrl());
            assertThat(first.<String>path("status")).isEqualTo("PARTIAL");
            assertThat(first.<Integer>path("rejected")).isEqualTo(3);
            assertThat(first.<String>path("failureReason")).startsWith("stopped early, 7 of 10 entries not read: the"
                    + " circuit breaker of source idr is open after 3 consecutive failed requests (last: GET "
                    + mirror.baseUrl() + "idr9503-study.txt answered HTTP 500 after 2 attempts)");
            assertThat(mirror.requests()).as("the listing, then 3 files with 2 attempts each").hasSize(1 + 3 * 2);

            Response refused = harvest(mirror.baseUrl());
            assertThat(refused.<String>path("status")).isEqualTo("FAILED");
            assertThat(refused.<String>path("failureReason")).contains("not sent: the circuit breaker of source idr is open");
            assertThat(mirror.requests()).as("nothing sent while open").hasSize(7);

            down.set(false);
            // runs are refused until the open period ends; then the trial request succeeds and the run completes
            Response[] recovered = new Response[1];
            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(1)).until(() -> {
                recovered[0] = harvest(mirror.baseUrl());
                return !"FAILED".equals(recovered[0].path("status"));
            });
            assertThat(recovered[0].<String>path("status")).isEqualTo("SUCCEEDED");
            assertThat(recovered[0].<Integer>path("seen")).isEqualTo(FILES);
        }
    }

    private static Response harvest(String location) {
        String id = given().header("X-API-Key", TestApiKeys.admin()).contentType(ContentType.JSON)
                .body(Map.of("source", "idr", "location", location))
                .when().post(RUNS).then().statusCode(202).extract().path("id");
        Response[] last = new Response[1];
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200)).until(() -> {
            last[0] = given().header("X-API-Key", TestApiKeys.admin()).get(RUNS + "/" + id).then().statusCode(200).extract().response();
            return !"RUNNING".equals(last[0].path("status"));
        });
        return last[0];
    }
}
