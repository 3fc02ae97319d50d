package org.bioimagecatalog.harvester.api;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.bioimagecatalog.testsupport.StackTestResource;
import org.junit.jupiter.api.Test;

/**
 * A source with its own cron schedule is harvested by it, with no request, and the source list shows the schedule,
 * the next firing, the last run and the number of records. The folder holds two self-written study files.
 */
@QuarkusTest
@QuarkusTestResource(StackTestResource.class)
@TestProfile(ScheduledHarvestApiTest.EveryFewSeconds.class)
class ScheduledHarvestApiTest {

    public static class EveryFewSeconds implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            try {
                Path folder = Files.createTempDirectory("scheduled-harvest");
                for (String accession : List.of("idr9301", "idr9302")) {
                    Files.writeString(folder.resolve(accession + "-study.txt"), "Comment[IDR Study Accession]\t"
                            + accession + "\nStudy Title\tScheduled " + accession + "\n");
                }
                return Map.of("bic.harvester.sources.idr.location", folder.toString(),
                        "bic.harvester.sources.idr.schedule", "*/3 * * * * ?");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    @Test
    void theSourcesCronStartsRunsAndTheSourceListShowsIt() {
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).until(() -> {
            List<Map<String, Object>> runs = given().queryParam("limit", 100).get("/api/v1/harvest/runs")
                    .then().statusCode(200).extract().path("items");
            return runs.stream().anyMatch(r -> "idr".equals(r.get("source")) && "SUCCEEDED".equals(r.get("status")));
        });

        given().get("/api/v1/harvest/sources").then().statusCode(200)
                .body("items.find { it.name == 'idr' }.scheduled", equalTo(true))
                .body("items.find { it.name == 'idr' }.schedule", equalTo("cron */3 * * * * ?"))
                .body("items.find { it.name == 'idr' }.nextRun", notNullValue())
                .body("items.find { it.name == 'idr' }.lastRun.source", equalTo("idr"))
                .body("items.find { it.name == 'idr' }.records", equalTo(2))
                .body("items.find { it.name == 'bia' }.schedule", equalTo(null))
                .body("items.find { it.name == 'bia' }.records", equalTo(0))
                .body("repositories.find { it.id == 'idr' }.schedule", equalTo("idr: cron */3 * * * * ?"));
    }
}
