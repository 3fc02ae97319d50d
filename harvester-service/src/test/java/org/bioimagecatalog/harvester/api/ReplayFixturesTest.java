package org.bioimagecatalog.harvester.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.bioimagecatalog.model.ModelJson;
import org.bioimagecatalog.model.events.HarvestedRecord;
import org.bioimagecatalog.testsupport.LocalStack;
import org.bioimagecatalog.testsupport.ReplayServerProcess;
import org.bioimagecatalog.testsupport.StackTestResource;
import org.bioimagecatalog.testsupport.TestApiKeys;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The self-written fixtures of {@code fixtures/replay} (what {@code bin/catalog up --replay} harvests when there
 * is no {@code ../shared}), served by the project's own replay server {@code bench/src/main/java/org/bioimagecatalog/bench/ReplayServer.java} started as
 * a separate process, harvested by every source they are written for, each run without a rejection.
 */
@QuarkusTest
@QuarkusTestResource(StackTestResource.class)
class ReplayFixturesTest {
    private static final Path REPLAY = LocalStack.repoDir().resolve("fixtures/replay");
    private static ReplayServerProcess server;
    private static String base;

    @BeforeAll
    static void startReplayServer() throws Exception {
        server = ReplayServerProcess.start(REPLAY);
        base = server.baseUrl();
    }

    @AfterAll
    static void stopReplayServer() {
        if (server != null) {
            server.close();
        }
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "idr         | {base}idr/                    | idr:idr9001, idr:idr9002",
        "bia         | {base}bia/                    | bia:S-BIAD9001, bia:S-BIAD9002",
        "empiar      | {base}empiar/                 | empiar:EMPIAR-10934",
        "ssbd        | {base}ssbd/                   | ssbd:9001-Replay-Example",
        "dryad       | {base}dryad/page-1.json       | dryad:10.5061/dryad.replay1, dryad:10.5061/dryad.replay2",
        "zenodo-rest | {base}zenodo-rest/page-1.json | zenodo-rest:1234567",
        "zenodo-oai  | {dir}zenodo-oai               | zenodo-oai:oai:zenodo.org:9000001, zenodo-oai:oai:zenodo.org:9000002,"
                + " zenodo-oai:oai:zenodo.org:9000003",
        "idr-api     | {dir}idr-api                  | idr:idr0001, idr:idr0002, idr:idr0018, idr:idr0022, idr:idr0038,"
                + " idr:idr0097"})
    void everyReplayFolderIsHarvestedWithoutRejections(String source, String location, String keys) {
        String resolved = location.replace("{base}", base).replace("{dir}", REPLAY + "/");
        String id = given().header("X-API-Key", TestApiKeys.admin()).contentType(ContentType.JSON)
                .body(Map.of("source", source, "location", resolved, "force", true))
                .when().post("/api/v1/harvest/runs").then().statusCode(202).extract().path("id");
        Response[] run = new Response[1];
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200)).until(() -> {
            run[0] = given().get("/api/v1/harvest/runs/" + id).then().statusCode(200).extract().response();
            return !"RUNNING".equals(run[0].path("status"));
        });

        assertThat(run[0].<List<Object>>path("errors")).isEmpty();
        assertThat(run[0].<String>path("status")).isEqualTo("SUCCEEDED");
        String topic = ConfigProvider.getConfig().getValue("bic.kafka.topic-prefix", String.class) + HarvestedRecord.TOPIC;
        List<HarvestedRecord> published = TopicReader.readAll(topic).stream()
                .map(r -> ModelJson.read(r.value(), HarvestedRecord.class)).filter(r -> id.equals(r.runId())).toList();
        assertThat(published).extracting(HarvestedRecord::key)
                .containsExactlyInAnyOrderElementsOf(List.of(keys.split(",\\s*")));
        assertThat(published.stream().filter(r -> !r.deleted()).map(r -> r.metadata().title()).collect(Collectors.toList()))
                .allSatisfy(title -> assertThat(title).isNotBlank());
    }
}
