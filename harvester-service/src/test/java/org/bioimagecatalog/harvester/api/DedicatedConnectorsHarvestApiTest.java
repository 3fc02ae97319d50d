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
import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.bioimagecatalog.harvester.replay.CassetteReplayServer;
import org.bioimagecatalog.harvester.replay.CassetteReplayServer.Answer;
import org.bioimagecatalog.model.Identifier;
import org.bioimagecatalog.model.events.HarvestRejected;
import org.bioimagecatalog.model.events.HarvestedRecord;
import org.bioimagecatalog.testsupport.FixtureHttpServer;
import org.bioimagecatalog.testsupport.Fixtures;
import org.bioimagecatalog.testsupport.StackTestResource;
import org.junit.jupiter.api.Test;

/**
 * The BBBC, Cell Painting Gallery and HuggingFace connectors through the harvester's HTTP API on the real stack:
 * records and rejections read back from Kafka, counts from the run, the sources in the registry.
 */
@QuarkusTest
@QuarkusTestResource(StackTestResource.class)
class DedicatedConnectorsHarvestApiTest {

    @Test
    void theCellPaintingGalleryDocumentsGiveOneRecordPerDataset() {
        try (FixtureHttpServer server = FixtureHttpServer.serve(Fixtures.require("cpg"))) {
            String runId = startRun(Map.of("source", "cpg", "location", server.baseUrl(), "force", true));
            Response run = awaitFinished(runId);

            assertThat(run.<String>path("status")).isEqualTo("SUCCEEDED");
            assertThat(run.<Integer>path("published")).isEqualTo(50);
            Map<String, HarvestedRecord> published = publishedBy(runId);
            assertThat(published.keySet()).allMatch(k -> k.startsWith("cpg:cpg00")).hasSize(50).contains("cpg:cpg0010");
            HarvestedRecord caie = published.get("cpg:cpg0010");
            assertThat(caie.sourceUrl()).isEqualTo(server.baseUrl() + "README.md#cpg0010-caie-drugresponse");
            assertThat(caie.metadata().identifiers()).contains(Identifier.of("bbbc", "BBBC021"));
        }
    }

    @Test
    void bbbcPagesArePublishedAndAMalformedOneGoesToTheDeadLetterTopic() throws URISyntaxException {
        Path pages = Path.of(getClass().getClassLoader().getResource("bbbc/pages").toURI());
        String runId = startRun(Map.of("source", "bbbc", "location", pages.toString(), "force", true));
        Response run = awaitFinished(runId);

        assertThat(run.<String>path("status")).isEqualTo("PARTIAL");
        assertThat(run.<Integer>path("seen")).isEqualTo(3);
        assertThat(run.<Integer>path("published")).isEqualTo(2);
        assertThat(run.<Integer>path("rejected")).isEqualTo(1);
        assertThat(publishedBy(runId).keySet()).containsExactlyInAnyOrder("bbbc:BBBC021", "bbbc:BBBC999");
        List<HarvestRejected> rejected = rejectedBy(runId);
        assertThat(rejected).singleElement().satisfies(r -> {
            assertThat(r.key()).isEqualTo("bbbc:" + pages.resolve("BBBC998.html"));
            assertThat(r.reason()).isEqualTo("BBBC998.html: BBBC998: the page has no title");
            assertThat(r.payloadExcerpt()).contains("Page not found");
        });
    }

    @Test
    void huggingFacePagesAreFollowedUntilAMalformedPageFailsTheRun() throws IOException {
        try (CassetteReplayServer server = CassetteReplayServer.replay()) {
            String first = "/api/datasets?filter=microscopy&limit=2&full=true";
            server.add(first, new Answer(200, Map.of("Content-Type", "application/json",
                    "Link", "<https://huggingface.co" + first + "&cursor=abc>; rel=\"next\""), resource("huggingface/datasets-page-1.json")));
            server.add(first + "&cursor=abc", Answer.body(200, "application/json", "[{\"id\": \"a/b\", \"tags\": ["));

            String runId = startRun(Map.of("source", "huggingface", "location", server.baseUrl() + first, "force", true));
            Response run = awaitFinished(runId);

            assertThat(run.<String>path("status")).isEqualTo("FAILED");
            assertThat(run.<Integer>path("published")).isEqualTo(2);
            assertThat(run.<Integer>path("rejected")).isEqualTo(1);
            assertThat(publishedBy(runId).keySet()).containsExactlyInAnyOrder(
                    "huggingface:example-lab/fluorescent-nuclei-example", "huggingface:example-org/em-mitochondria-example");
            assertThat(rejectedBy(runId)).singleElement().satisfies(r -> {
                assertThat(r.reason()).contains("not valid JSON");
                assertThat(r.payloadExcerpt()).isEqualTo("[{\"id\": \"a/b\", \"tags\": [");
            });
        }
    }

    @Test
    void theRegistryListsTheNewRoutesAndWhyTheCellImageLibraryHasNone() {
        Response sources = given().get("/api/v1/harvest/sources").then().statusCode(200).extract().response();
        Map<String, Map<String, Object>> byId = sources.<List<Map<String, Object>>>path("repositories").stream()
                .collect(Collectors.toMap(r -> (String) r.get("id"), r -> r));

        assertThat(byId.get("bbbc")).containsEntry("route", "dedicated").containsEntry("harvested", true);
        assertThat(byId.get("cpg")).containsEntry("route", "dedicated").containsEntry("harvested", true);
        assertThat(byId.get("huggingface")).containsEntry("route", "dedicated").containsEntry("harvested", true);
        assertThat(sources.<List<String>>path("repositories.find { it.id == 'huggingface' }.sources.type"))
                .containsExactly("huggingface-hub");
        assertThat(sources.<List<String>>path("repositories.find { it.id == 'cpg' }.sources.type")).containsExactly("cpg-registry");
        assertThat(byId.get("cil")).containsEntry("route", "datacite");
        assertThat((String) byId.get("cil").get("note")).contains("needs an API key");
        assertThat(sources.<String>path("items.find { it.name == 'huggingface' }.archive")).isEqualTo("huggingface");
    }

    private static byte[] resource(String name) throws IOException {
        try (InputStream in = DedicatedConnectorsHarvestApiTest.class.getClassLoader().getResourceAsStream(name)) {
            return in.readAllBytes();
        }
    }
}
