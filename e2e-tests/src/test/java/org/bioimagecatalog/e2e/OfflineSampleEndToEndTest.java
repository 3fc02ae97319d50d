package org.bioimagecatalog.e2e;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.restassured.path.json.JsonPath;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.bioimagecatalog.testsupport.LocalStack;
import org.bioimagecatalog.testsupport.ReplayServerProcess;
import org.bioimagecatalog.testsupport.TestApiKeys;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The offline first start (`bin/catalog up --offline`), end to end on the packaged services and the real stack: the
 * recorded sample of real records shipped in {@code fixtures/sample/sample.tar.gz} is unpacked, served by the project's
 * replay server ({@code bench/src/main/java/org/bioimagecatalog/bench/ReplayServer.java}) and harvested through the same connectors; it ends searchable and
 * readable, and the reuse tracker's DataCite collector, pointed at the sample's recorded relations on the same server,
 * gives a dataset a REUSE citation with its evidence. Needs nothing from {@code ../shared}.
 */
class OfflineSampleEndToEndTest {
    private static final Duration PIPELINE = Duration.ofMinutes(3);
    /** A Dryad dataset of Zenodo's OAI-PMH page whose DataCite record says it IsCitedBy 10.1093/molbev/msab102. */
    private static final String CITED_DOI = "10.5061/dryad.fxpnvx0zm";

    @TempDir
    static Path unpacked;
    private static ReplayServerProcess replay;
    private static String base;
    private static RunningSystem system;

    @BeforeAll
    static void start() throws Exception {
        Path repo = LocalStack.repoDir();
        Process tar = new ProcessBuilder("tar", "-xzf", repo.resolve("fixtures/sample/sample.tar.gz").toString(), "-C",
                unpacked.toString()).inheritIO().start();
        assertThat(tar.waitFor()).as("tar -xzf fixtures/sample/sample.tar.gz").isZero();
        Path sample = unpacked.resolve("sample");
        replay = ReplayServerProcess.start(sample);
        base = replay.baseUrl();
        // as bin/catalog up --offline starts the reuse tracker: no scheduled collectors, DataCite from the replay server
        system = RunningSystem.start(Map.of(
                "bic.reuse.collect.every", "off",
                "bic.reuse.collect.datacite.url", base + "reuse/datacite",
                "bic.reuse.collect.datacite.start", Instant.now().minus(1, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS).toString(),
                "bic.reuse.collect.datacite.window", "1d"));
    }

    @AfterAll
    static void stop() {
        if (system != null) {
            system.close();
        }
        if (replay != null) {
            replay.close();
        }
    }

    @Test
    void theSampleIsHarvestedThroughTheReplayServerAndEndsSearchableWithReuseEvidence() {
        Path sample = unpacked.resolve("sample");
        // the locations bin/catalog replay gives each folder
        Map<String, String> locations = Map.of(
                "idr", base + "idr/",
                "bia", base + "bia/",
                "bbbc", base + "bbbc/",
                "cpg", base + "cpg/",
                "zenodo-oai", sample.resolve("zenodo-oai").toString());
        for (Map.Entry<String, String> source : locations.entrySet()) {
            JsonPath run = system.harvest(source.getKey(), source.getValue(), PIPELINE);
            assertThat(run.getString("status")).as(source.getKey() + ": " + run.prettify()).isIn("SUCCEEDED", "PARTIAL");
            assertThat(run.getInt("published")).as(source.getKey() + " published").isPositive();
            if (source.getValue().startsWith("http")) {
                // a listing over HTTP says how many entries it has; a folder of saved OAI-PMH pages has no total
                // (its pages' completeListSize counts the whole feed they were saved from, not the folder)
                assertThat(run.<Integer>get("total")).as(source.getKey() + " total: " + run.prettify()).isNotNull()
                        .isGreaterThanOrEqualTo(run.getInt("seen"));
            }
        }
        assertThat(Files.exists(sample.resolve("ABOUT.txt"))).isTrue();

        // searchable: the BBBC page, an IDR study and the Zenodo/Dryad record
        await().atMost(PIPELINE).untilAsserted(() -> {
            assertThat(searchTotal("\"Human MCF7 cells\"")).isPositive();
            assertThat(searchTotal("fission yeast")).isPositive();
            assertThat(searchTotal("\"" + CITED_DOI + "\"")).isPositive();
        });
        String id = given().baseUri(system.search.baseUrl()).queryParam("q", "\"" + CITED_DOI + "\"").get("/api/v1/search")
                .then().statusCode(200).extract().jsonPath().getString("items[0].id");
        JsonPath dataset = given().baseUri(system.catalog.baseUrl()).get("/api/v1/datasets/" + id)
                .then().statusCode(200).extract().jsonPath();
        assertThat(dataset.getString("metadata.title")).isNotBlank();

        // the reuse tracker holds the dataset, then the DataCite collector reads the sample's recorded relations
        await().atMost(PIPELINE).untilAsserted(() ->
                given().baseUri(system.reuse.baseUrl()).get("/api/v1/reuse/datasets/" + id).then().statusCode(200));
        JsonPath collected = given().baseUri(system.reuse.baseUrl()).header("Authorization", "Bearer " + TestApiKeys.admin())
                .post("/api/v1/reuse/collect/datacite").then().statusCode(200).extract().jsonPath();
        assertThat(collected.getInt("linksCreated")).isPositive();
        await().atMost(PIPELINE).untilAsserted(() -> {
            JsonPath reuse = given().baseUri(system.reuse.baseUrl()).get("/api/v1/reuse/datasets/" + id)
                    .then().statusCode(200).extract().jsonPath();
            List<Map<String, Object>> citations = reuse.getList("citations");
            assertThat(citations).anySatisfy(c -> {
                assertThat(c.get("relation")).isEqualTo("REUSE");
                assertThat(((Map<?, ?>) c.get("publication")).get("doi")).isEqualTo("10.1093/molbev/msab102");
                assertThat(String.valueOf(c.get("evidence"))).contains("datacite-relation").contains("IsCitedBy");
            });
        });
    }


    private int searchTotal(String q) {
        return given().baseUri(system.search.baseUrl()).queryParam("q", q).get("/api/v1/search")
                .then().statusCode(200).extract().jsonPath().getInt("total");
    }
}
