package org.bioimagecatalog.harvester.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.bioimagecatalog.harvester.api.ArchiveHarvestApiTest.awaitFinished;
import static org.bioimagecatalog.harvester.api.ArchiveHarvestApiTest.publishedBy;
import static org.bioimagecatalog.harvester.api.ArchiveHarvestApiTest.rejectedBy;
import static org.bioimagecatalog.harvester.api.ArchiveHarvestApiTest.startRun;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.util.List;
import java.util.Map;
import org.bioimagecatalog.harvester.idr.api.OmeroApiServer;
import org.bioimagecatalog.model.Identifier;
import org.bioimagecatalog.model.events.HarvestRejected;
import org.bioimagecatalog.model.events.HarvestedRecord;
import org.bioimagecatalog.testsupport.StackTestResource;
import org.junit.jupiter.api.Test;

/**
 * The {@code idr-api} source through the harvester's HTTP API on the real stack: a run over an OMERO API answering
 * from the self-written answers (with a 429 on a listing page and a malformed annotations answer for one study),
 * records and the rejection read back from Kafka, then a second run that publishes nothing unchanged.
 */
@QuarkusTest
@QuarkusTestResource(StackTestResource.class)
class IdrApiHarvestApiTest {

    @Test
    void aRunPublishesOneRecordPerStudyAndSendsTheMalformedAnswerToTheDeadLetterTopic() {
        try (OmeroApiServer server = OmeroApiServer.serve(OmeroApiServer.testAnswers())) {
            server.tooManyRequestsNext("/api/v0/m/projects/?offset=3", 1)
                    .answer("screen=102", "{\"annotations\": [{\"ns\": \"idr.openmicroscopy.org/study/info\", \"values\": [[");
            String location = server.baseUrl() + "?limit=3";

            String runId = startRun(Map.of("source", "idr-api", "location", location, "force", true));
            Response run = awaitFinished(runId);

            assertThat(run.<String>path("status")).isEqualTo("PARTIAL");
            assertThat(run.<Integer>path("seen")).isEqualTo(6);
            assertThat(run.<Integer>path("published")).isEqualTo(5);
            assertThat(run.<Integer>path("rejected")).isEqualTo(1);
            Map<String, HarvestedRecord> published = publishedBy(runId);
            assertThat(published.keySet()).containsExactlyInAnyOrder("idr:idr0001", "idr:idr0018", "idr:idr0022",
                    "idr:idr0038", "idr:idr0097");
            HarvestedRecord migration = published.get("idr:idr0022");
            assertThat(migration.sourceUrl())
                    .isEqualTo(server.baseUrl() + "webclient/api/annotations/?type=map&screen=2151&screen=2152&screen=2201");
            assertThat(migration.metadata().title()).isEqualTo("Uncovering the signaling landscape controlling breast cancer"
                    + " cell migration identifies novel metastasis driver genes.");
            assertThat(migration.metadata().identifiers()).contains(Identifier.of("doi", "10.17867/10000128"),
                    Identifier.of("idr-screen", "2151"), Identifier.of("idr-screen", "2152"));
            String malformed = server.baseUrl() + "webclient/api/annotations/?type=map&screen=102";
            List<HarvestRejected> rejected = rejectedBy(runId);
            assertThat(rejected).singleElement().satisfies(r -> {
                assertThat(r.key()).isEqualTo("idr:" + malformed);
                assertThat(r.reason()).startsWith("idr0002: the map annotations answer: not valid JSON");
                assertThat(r.payloadExcerpt()).isEqualTo("{\"annotations\": [{\"ns\": \"idr.openmicroscopy.org/study/info\", \"values\": [[");
            });
            assertThat(run.<List<Map<String, String>>>path("errors")).singleElement()
                    .satisfies(e -> assertThat(e).containsEntry("location", malformed));

            // the API has no "changed since": the next run lists everything and the content hashes skip what did not change
            Response again = awaitFinished(startRun(Map.of("source", "idr-api", "location", location)));
            assertThat(again.<Integer>path("unchanged")).isEqualTo(5);
            assertThat(again.<Integer>path("published")).isZero();
            assertThat(again.<Integer>path("rejected")).isEqualTo(1);
        }
    }

    @Test
    void theSourceAndTheIdrRegistryEntryNameTheApiRoute() {
        Response sources = given().get("/api/v1/harvest/sources").then().statusCode(200).extract().response();

        assertThat(sources.<String>path("items.find { it.name == 'idr-api' }.type")).isEqualTo("idr-omero-api");
        assertThat(sources.<String>path("items.find { it.name == 'idr-api' }.archive")).isEqualTo("idr");
        assertThat(sources.<String>path("items.find { it.name == 'idr-api' }.location")).isEqualTo("https://idr.openmicroscopy.org");
        assertThat(sources.<List<String>>path("repositories.find { it.id == 'idr' }.sources.type"))
                .containsExactly("idr-study-files", "idr-omero-api", "gide-ro-crate");
        assertThat(sources.<String>path("repositories.find { it.id == 'idr' }.note")).contains("OMERO JSON API");
    }
}
