package org.bioimagecatalog.harvester.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.bioimagecatalog.harvester.replay.CassetteReplayServer;
import org.bioimagecatalog.harvester.replay.CassetteReplayServer.Answer;
import org.bioimagecatalog.model.ModelJson;
import org.bioimagecatalog.model.events.HarvestRejected;
import org.bioimagecatalog.model.events.HarvestedRecord;
import org.bioimagecatalog.testsupport.Fixtures;
import org.bioimagecatalog.testsupport.StackTestResource;
import org.bioimagecatalog.testsupport.TestApiKeys;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The generic routes end to end: runs of OAI-PMH, DataCite and Zenodo sources started through the API against
 * recorded answers replayed over HTTP, published to the real Kafka, with checkpoints in the real PostgreSQL.
 */
@QuarkusTest
@QuarkusTestResource(StackTestResource.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class GenericHarvestApiTest {
    private static final String RUNS = "/api/v1/harvest/runs";
    private static final String ZENODO_OAI = "https://zenodo.org/oai2d";

    @Test
    @Order(1)
    void oaiPmhRunPublishesRecordsAndDeletionsThenTheNextRunAsksOnlyForChangesSinceItsResponseDate() {
        try (CassetteReplayServer server = CassetteReplayServer.replay(
                Fixtures.require("oai-pmh/zenodo-oai2d-cassettes/list_records.yaml"),
                Fixtures.require("oai-pmh/zenodo-oai2d-cassettes/identify.yaml"))) {
            String location = server.url(ZENODO_OAI + "?metadataPrefix=oai_dc");

            Response run = awaitFinished(startRun(Map.of("source", "zenodo-oai", "location", location)));

            assertThat(run.<String>path("status")).isEqualTo("SUCCEEDED");
            assertThat(run.<Integer>path("pages")).isEqualTo(3);
            assertThat(run.<Integer>path("seen")).isEqualTo(9);
            // completeListSize of the first page's resumptionToken: the size of the whole listing, for progress and ETA
            assertThat(run.<Integer>path("total")).isEqualTo(8091628);
            assertThat(run.<Integer>path("published")).isEqualTo(8);
            assertThat(run.<Integer>path("deleted")).isEqualTo(1);
            Map<String, HarvestedRecord> published = publishedBy(run.path("id"));
            HarvestedRecord first = published.get("zenodo-oai:oai:zenodo.org:8435696");
            assertThat(first.source()).isEqualTo("zenodo-oai");
            assertThat(first.metadata().title()).isEqualTo("PocketCoffea: a configuration layer for CMS analyses with Coffea");
            assertThat(first.metadata().license().spdx()).isEqualTo("CC-BY-4.0");
            HarvestedRecord deleted = published.get("zenodo-oai:oai:zenodo.org:8433364");
            assertThat(deleted.deleted()).isTrue();
            assertThat(deleted.metadata()).isNull();
            assertThat(deleted.contentHash()).isEqualTo(ModelJson.contentHash(null));

            // the checkpoint is the first page's responseDate; Zenodo announces second granularity in Identify
            server.alias("/oai2d?verb=ListRecords&metadataPrefix=oai_dc&from=2026-08-13T17:56:48Z",
                    "/oai2d?verb=ListRecords&metadataPrefix=oai_dc&from=2030-01-01");
            Response incremental = awaitFinished(startRun(Map.of("source", "zenodo-oai", "location", location)));

            assertThat(incremental.<String>path("status")).isEqualTo("SUCCEEDED");
            assertThat(incremental.<Integer>path("seen")).isZero();
            assertThat(server.requests()).contains("/oai2d?verb=Identify",
                    "/oai2d?verb=ListRecords&metadataPrefix=oai_dc&from=2026-08-13T17:56:48Z");
        }
    }

    @Test
    @Order(2)
    void oaiErrorServedWithHttp422FailsTheRunWithItsCode() {
        try (CassetteReplayServer server = CassetteReplayServer.replay(
                Fixtures.require("oai-pmh/zenodo-oai2d-cassettes/list_records.yaml"))) {
            Response run = awaitFinished(startRun(Map.of("source", "zenodo-oai",
                    "location", server.url(ZENODO_OAI + "?metadataPrefix=XXX"))));

            assertThat(run.<String>path("status")).isEqualTo("FAILED");
            assertThat(run.<String>path("failureReason")).startsWith(
                    "the location cannot be read: OAI-PMH error badArgument (metadataPrefix does not exist)");
        }
    }

    @Test
    @Order(3)
    void malformedPageGoesToTheDeadLetterTopicAndFailsTheRun() {
        try (CassetteReplayServer server = CassetteReplayServer.replay()) {
            server.add("/oai2d?verb=ListRecords&metadataPrefix=oai_dc", Answer.body(200, "text/xml", "<OAI-PMH><ListRecords>"));
            Response run = awaitFinished(startRun(Map.of("source", "zenodo-oai",
                    "location", server.url(ZENODO_OAI + "?metadataPrefix=oai_dc"), "force", true)));

            assertThat(run.<String>path("status")).isEqualTo("FAILED");
            assertThat(run.<Integer>path("rejected")).isEqualTo(1);
            assertThat(run.<String>path("failureReason"))
                    .startsWith("a page cannot be read, the pages after it cannot be reached: OAI-PMH page")
                    .contains("not well-formed XML");
            List<HarvestRejected> rejected = TopicReader.readAll(topic(HarvestRejected.TOPIC)).stream()
                    .map(r -> ModelJson.read(r.value(), HarvestRejected.class))
                    .filter(r -> run.path("id").equals(r.runId())).toList();
            assertThat(rejected).hasSize(1);
            assertThat(rejected.get(0).source()).isEqualTo("zenodo-oai");
            assertThat(rejected.get(0).payloadExcerpt()).isEqualTo("<OAI-PMH><ListRecords>");
        }
    }

    @Test
    @Order(4)
    void dataciteRunPublishesEveryPageUnderTheSourceName() throws IOException {
        try (CassetteReplayServer server = CassetteReplayServer.replay()) {
            server.add("/dois?prefix=10.5061&page%5Bcursor%5D=1", json("datacite/rest-api-dois/dois-query-climate-page1.json"));
            server.add("/dois?affiliation=true&disable-facets=true&page%5Bnumber%5D=2&page%5Bsize%5D=25&publisher=false&query=climate",
                    json("datacite/rest-api-dois/dois-query-empty.json"));

            Response run = awaitFinished(startRun(Map.of("source", "dryad", "location", server.baseUrl() + "/dois?prefix=10.5061")));

            assertThat(run.<String>path("status")).isEqualTo("SUCCEEDED");
            assertThat(run.<Integer>path("pages")).isEqualTo(2);
            assertThat(run.<Integer>path("published")).isEqualTo(25);
            assertThat(run.<Integer>path("total")).as("meta.total of the first page").isEqualTo(760579);
            HarvestedRecord record = publishedBy(run.path("id")).get("dryad:10.9798/kosham.2017.17.5.355");
            assertThat(record.sourceUrl()).isEqualTo(server.baseUrl() + "/dois/10.9798/kosham.2017.17.5.355");
            assertThat(record.metadata().released()).hasToString("2017-10-30");
        }
    }

    @Test
    @Order(5)
    void zenodoRestRunReadsBothRecordShapesAndRejectsTheUntitledOne() throws IOException {
        try (CassetteReplayServer server = CassetteReplayServer.replay(
                Fixtures.require("zenodo/legacy-rest-api-cassettes/catalog_search_by_size_and_page.yaml"))) {
            try (InputStream page = getClass().getClassLoader().getResourceAsStream("zenodo/invenio-rdm-records-page.json")) {
                server.add("/api/records/?sort=bestmatch&q=title%3A%22Frictionless+Data+Test%22&page=2&size=2",
                        new Answer(200, Map.of("Content-Type", "application/json"), page.readAllBytes()));
            }
            Response run = awaitFinished(startRun(Map.of("source", "zenodo-rest", "location",
                    server.url("https://zenodo.org/api/records?page=1&q=title%3A%22Frictionless+Data+Test%22&size=2"))));

            assertThat(run.<String>path("status")).isEqualTo("PARTIAL");
            assertThat(run.<Integer>path("published")).isEqualTo(3);
            assertThat(run.<Integer>path("rejected")).isEqualTo(1);
            assertThat(run.<List<Map<String, String>>>path("errors")).extracting(e -> e.get("reason"))
                    .containsExactly("1234999: the Zenodo record has no metadata.title");
            assertThat(publishedBy(run.path("id")).keySet())
                    .containsExactlyInAnyOrder("zenodo-rest:7089850", "zenodo-rest:7078760", "zenodo-rest:1234567");
        }
    }

    @Test
    @Order(6)
    void sourcesListEveryTable1RepositoryWithItsRouteRunAndRecords() {
        Response sources = given().get("/api/v1/harvest/sources").then().statusCode(200)
                .body("repositories.size()", equalTo(17))
                .body("repositories.name", hasItems("BioImage Archive", "Broad Bioimage Benchmark Collection (BBBC)",
                        "Cell Image Library", "Cell Painting Gallery", "Dryad", "EMPIAR", "Figshare", "Harvard Dataverse",
                        "HuggingFace", "IEEE DataPort", "Image Data Resource (IDR)", "Kaggle", "Nightingale Open Science",
                        "OSF", "SSBD (RIKEN)", "The Cancer Imaging Archive (TCIA)", "Zenodo"))
                .extract().response();
        Map<String, Map<String, Object>> byId = sources.<List<Map<String, Object>>>path("repositories").stream()
                .collect(Collectors.toMap(r -> (String) r.get("id"), r -> r));

        Map<String, Object> zenodo = byId.get("zenodo");
        assertThat(zenodo.get("route")).isEqualTo("datacite");
        assertThat(zenodo.get("harvested")).isEqualTo(true);
        assertThat(zenodo.get("schedule")).isEqualTo("manual (POST /api/v1/harvest/runs)");
        assertThat(zenodo.get("lastRun")).isNotNull();
        assertThat((List<Map<String, Object>>) cast(zenodo.get("sources"))).extracting(s -> s.get("name"))
                .containsExactly("zenodo", "zenodo-oai", "zenodo-rest");
        assertThat(byId.get("dryad").get("note")).isEqualTo("DataCite prefix 10.5061, datasets, bioimaging query");
        assertThat(byId.get("kaggle").get("route")).isEqualTo("dedicated");
        assertThat(byId.get("kaggle").get("harvested")).isEqualTo(true);
        assertThat((String) byId.get("kaggle").get("note")).contains("API token");
        assertThat(byId.get("nightingale").get("route")).isEqualTo("none");
        assertThat(byId.get("nightingale").get("harvested")).isEqualTo(false);
        assertThat((String) byId.get("nightingale").get("note")).startsWith("not harvested: ").contains("DataCite DOIs");
        assertThat(byId.get("idr").get("route")).isEqualTo("dedicated");
        assertThat(byId.get("idr").get("harvested")).isEqualTo(true);

        // the Zenodo records are those the ordered harvests above published from ../shared cassettes
        Fixtures.require("oai-pmh/zenodo-oai2d-cassettes/list_records.yaml");
        assertThat(((Number) zenodo.get("records")).longValue()).isGreaterThanOrEqualTo(11);
    }

    @SuppressWarnings("unchecked")
    private static <T> T cast(Object value) {
        return (T) value;
    }

    private static Answer json(String fixture) throws IOException {
        return new Answer(200, Map.of("Content-Type", "application/vnd.api+json"), Files.readAllBytes(Fixtures.require(fixture)));
    }

    private static String startRun(Map<String, Object> body) {
        return given().header("X-API-Key", TestApiKeys.admin()).contentType(ContentType.JSON).body(body).when().post(RUNS).then().statusCode(202).extract().path("id");
    }

    private static Response awaitFinished(String runId) {
        Response[] last = new Response[1];
        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(200)).until(() -> {
            last[0] = given().get(RUNS + "/" + runId).then().statusCode(200).extract().response();
            return !"RUNNING".equals(last[0].path("status"));
        });
        return last[0];
    }

    private static Map<String, HarvestedRecord> publishedBy(String runId) {
        return TopicReader.readAll(topic(HarvestedRecord.TOPIC)).stream()
                .map(r -> ModelJson.read(r.value(), HarvestedRecord.class))
                .filter(r -> runId.equals(r.runId()))
                .collect(Collectors.toMap(HarvestedRecord::key, r -> r));
    }

    private static String topic(String name) {
        return ConfigProvider.getConfig().getValue("bic.kafka.topic-prefix", String.class) + name;
    }
}
