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
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.bioimagecatalog.harvester.api.ScriptedHttpServer.Reply;
import org.bioimagecatalog.model.Identifier;
import org.bioimagecatalog.model.ModelJson;
import org.bioimagecatalog.model.Organism;
import org.bioimagecatalog.model.events.HarvestRejected;
import org.bioimagecatalog.model.events.HarvestedRecord;
import org.bioimagecatalog.testsupport.FixtureHttpServer;
import org.bioimagecatalog.testsupport.Fixtures;
import org.bioimagecatalog.testsupport.StackTestResource;
import org.bioimagecatalog.testsupport.TestApiKeys;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

/**
 * The archive connectors (GIDE RO-Crates, BioImage Archive, EMPIAR) through the harvester's real HTTP surface on
 * the real stack: fixtures served over loopback HTTP, records and rejections read back from Kafka.
 */
@QuarkusTest
@QuarkusTestResource(StackTestResource.class)
class ArchiveHarvestApiTest {
    private static final String RUNS = "/api/v1/harvest/runs";

    @Test
    void ssbdCratesAreHarvestedOverHttpThroughTheFolderListings() throws IOException {
        Path folder = Fixtures.require("ssbd/gide-ro-crate");
        try (FixtureHttpServer server = FixtureHttpServer.serve(folder)) {
            String runId = startRun(Map.of("source", "ssbd", "location", server.baseUrl(), "force", true));
            Response run = awaitFinished(runId);

            assertThat(run.<String>path("status")).isEqualTo("SUCCEEDED");
            assertThat(run.<Integer>path("seen")).isEqualTo(389);
            assertThat(run.<Integer>path("total")).as("a listed source's total: the entries it found").isEqualTo(389);
            assertThat(run.<Integer>path("published")).isEqualTo(389);
            Map<String, HarvestedRecord> published = publishedBy(runId);
            assertThat(published.keySet()).allMatch(k -> k.startsWith("ssbd:")).hasSize(389)
                    .contains("ssbd:10-Komatsuzaki-MolDyn", "ssbd:ssbd-repos-000011");
            HarvestedRecord moldyn = published.get("ssbd:10-Komatsuzaki-MolDyn");
            assertThat(moldyn.source()).isEqualTo("ssbd");
            assertThat(moldyn.sourceUrl()).isEqualTo(server.baseUrl() + "database/10-Komatsuzaki-MolDyn-ro-crate-metadata.json");
            assertThat(moldyn.metadata().organisms()).containsExactly(new Organism("Dictyostelium discoideum", "44689"));
        }
    }

    @Test
    void cratesReadThroughAGenericSourceKeepTheirArchivesKeys() {
        Path folder = Fixtures.require("empiar/gide-ro-crate");
        String runId = startRun(Map.of("source", "empiar-crates", "location", folder.toString(), "force", true));
        Response run = awaitFinished(runId);

        assertThat(run.<String>path("status")).isEqualTo("SUCCEEDED");
        assertThat(run.<Integer>path("published")).isEqualTo(23);
        Map<String, HarvestedRecord> published = publishedBy(runId);
        assertThat(published.keySet()).allMatch(k -> k.startsWith("empiar:EMPIAR-")).contains("empiar:EMPIAR-10310");
        assertThat(published.get("empiar:EMPIAR-10310").sourceUrl()).startsWith("file:/").endsWith("/EMPIAR-10310-ro-crate-metadata.json");

        String idrRun = startRun(Map.of("source", "idr-crates", "location",
                Fixtures.require("idr/gide-ro-crate/idr0001-ro-crate-metadata.json").toString(), "force", true));
        assertThat(awaitFinished(idrRun).<String>path("status")).isEqualTo("SUCCEEDED");
        assertThat(publishedBy(idrRun).keySet()).containsExactly("idr:idr0001");
    }

    @Test
    void brokenCratesGoToTheDeadLetterTopicAndAFailingServerIsRetried() throws IOException {
        byte[] good = Files.readAllBytes(Fixtures.require("ssbd/gide-ro-crate/database/10-Komatsuzaki-MolDyn-ro-crate-metadata.json"));
        String listing = "<html><body><a href=\"good-ro-crate-metadata.json\">good</a>"
                + "<a href=\"truncated-ro-crate-metadata.json\">truncated</a>"
                + "<a href=\"nodataset-ro-crate-metadata.json\">no dataset</a></body></html>";
        try (ScriptedHttpServer server = ScriptedHttpServer.start(uri -> switch (uri.getPath()) {
            case "/crates/" -> Reply.html(listing);
            case "/crates/good-ro-crate-metadata.json" -> Reply.json(good);
            case "/crates/truncated-ro-crate-metadata.json" -> Reply.json("{\"@graph\": [{\"@id\": \"x\"");
            case "/crates/nodataset-ro-crate-metadata.json" -> Reply.json("{\"@graph\": [{\"@id\": \"#p\", \"@type\": \"Person\"}]}");
            default -> Reply.status(404);
        }).failFirst("/crates/good-ro-crate-metadata.json", 1, 500)) {
            String base = server.baseUrl() + "crates/";
            String runId = startRun(Map.of("source", "ssbd", "location", base, "force", true));
            Response run = awaitFinished(runId);

            assertThat(run.<String>path("status")).isEqualTo("PARTIAL");
            assertThat(run.<Integer>path("seen")).isEqualTo(3);
            assertThat(run.<Integer>path("published")).isEqualTo(1);
            assertThat(run.<Integer>path("rejected")).isEqualTo(2);
            assertThat(publishedBy(runId).keySet()).containsExactly("ssbd:10-Komatsuzaki-MolDyn");
            assertThat(server.requests()).filteredOn(r -> r.equals("/crates/good-ro-crate-metadata.json")).hasSize(2);

            List<HarvestRejected> rejected = rejectedBy(runId);
            assertThat(rejected).extracting(HarvestRejected::key).containsExactly(
                    "ssbd:" + base + "truncated-ro-crate-metadata.json", "ssbd:" + base + "nodataset-ro-crate-metadata.json");
            assertThat(rejected).extracting(HarvestRejected::source).containsOnly("ssbd");
            assertThat(rejected.get(0).reason()).startsWith("truncated-ro-crate-metadata.json: not valid JSON");
            assertThat(rejected.get(0).payloadExcerpt()).isEqualTo("{\"@graph\": [{\"@id\": \"x\"");
            assertThat(rejected.get(1).reason())
                    .isEqualTo("nodataset-ro-crate-metadata.json: not a GIDE RO-Crate: the graph has no Dataset entity");
        }
    }

    @Test
    void biaStudiesAreEnumeratedThroughTheSearchApiAndFetchedOneByOne() throws IOException {
        Path studies = Fixtures.require("bia/biostudies-studies");
        List<List<String>> pages = List.of(List.of("S-BIAD15", "S-BIAD1492"), List.of("S-BIAD1043", "S-BIAD9999"),
                List.of("S-BIAD590"));
        String api = "/biostudies/api/v1";
        try (ScriptedHttpServer server = ScriptedHttpServer.start(uri -> {
            String path = uri.getPath();
            if (path.equals(api + "/BioImages/search")) {
                int page = Integer.parseInt(uri.getQuery().replaceAll(".*page=(\\d+).*", "$1"));
                return Reply.json(searchPage(page, 2, 5, page <= pages.size() ? pages.get(page - 1) : List.of()));
            }
            if (path.equals(api + "/studies/S-BIAD9999")) {
                return Reply.json("{\"accno\": \"S-BIAD9999\", \"attributes\": [");
            }
            if (path.startsWith(api + "/studies/")) {
                Path file = studies.resolve(path.substring((api + "/studies/").length()) + ".json");
                return Files.exists(file) ? Reply.json(readBytes(file)) : Reply.status(404);
            }
            return Reply.status(404);
        }).failFirst(api + "/BioImages/search", 1, 500).failFirst(api + "/studies/S-BIAD15", 2, 503)) {
            String base = server.baseUrl() + "biostudies/api/v1";
            String runId = startRun(Map.of("source", "bia", "location", base + "?pageSize=2", "force", true));
            Response run = awaitFinished(runId);

            assertThat(run.<String>path("status")).isEqualTo("PARTIAL");
            assertThat(run.<Integer>path("seen")).isEqualTo(5);
            assertThat(run.<Integer>path("published")).isEqualTo(4);
            assertThat(run.<Integer>path("rejected")).isEqualTo(1);
            assertThat(server.requests()).filteredOn(r -> r.startsWith(api + "/BioImages/search")).containsExactly(
                    api + "/BioImages/search?query=&page=1&pageSize=2", api + "/BioImages/search?query=&page=1&pageSize=2",
                    api + "/BioImages/search?query=&page=2&pageSize=2", api + "/BioImages/search?query=&page=3&pageSize=2");
            assertThat(server.requests()).filteredOn(r -> r.equals(api + "/studies/S-BIAD15")).hasSize(3);
            Map<String, HarvestedRecord> published = publishedBy(runId);
            assertThat(published.keySet()).containsExactlyInAnyOrder("bia:S-BIAD15", "bia:S-BIAD1492", "bia:S-BIAD1043", "bia:S-BIAD590");
            HarvestedRecord s15 = published.get("bia:S-BIAD15");
            assertThat(s15.sourceUrl()).isEqualTo(base + "/studies/S-BIAD15");
            assertThat(s15.metadata().identifiers()).contains(Identifier.of("idr", "idr0067"));
            assertThat(published.get("bia:S-BIAD1492").metadata().relatedDatasets()).contains(Identifier.of("bbbc", "BBBC024"));

            List<HarvestRejected> rejected = rejectedBy(runId);
            assertThat(rejected).extracting(HarvestRejected::key).containsExactly("bia:" + base + "/studies/S-BIAD9999");
            assertThat(rejected.get(0).reason()).startsWith("S-BIAD9999: not valid JSON");
        }
    }

    @Test
    void biaSearchIsPagedUntilTheExactTotalIsReached() throws IOException {
        Path studies = Fixtures.require("bia/biostudies-studies");
        List<List<String>> pages = List.of(List.of("S-BIAD15", "S-BIAD1492"), List.of("S-BIAD1043", "S-BSST651"));
        try (ScriptedHttpServer server = ScriptedHttpServer.start(uri -> {
            if (uri.getPath().equals("/api/BioImages/search")) {
                int page = Integer.parseInt(uri.getQuery().replaceAll(".*page=(\\d+).*", "$1"));
                return Reply.json(searchPage(page, 2, 4, page <= pages.size() ? pages.get(page - 1) : List.of()));
            }
            Path file = studies.resolve(uri.getPath().replace("/api/studies/", "") + ".json");
            return Files.exists(file) ? Reply.json(readBytes(file)) : Reply.status(404);
        })) {
            String runId = startRun(Map.of("source", "bia", "location", server.baseUrl() + "api/?pageSize=2", "force", true));
            Response run = awaitFinished(runId);

            assertThat(run.<String>path("status")).isEqualTo("SUCCEEDED");
            assertThat(publishedBy(runId).keySet()).containsExactlyInAnyOrder("bia:S-BIAD15", "bia:S-BIAD1492",
                    "bia:S-BIAD1043", "bia:S-BSST651");
            assertThat(server.requests()).filteredOn(r -> r.contains("/search")).containsExactly(
                    "/api/BioImages/search?query=&page=1&pageSize=2", "/api/BioImages/search?query=&page=2&pageSize=2");
        }
    }

    @Test
    void aFolderOfStudyFilesIsHarvestedFromDiskAndOverAListing() {
        Path studies = Fixtures.require("bia/biostudies-studies");
        String runId = startRun(Map.of("source", "bia", "location", studies.toString(), "force", true));
        Response run = awaitFinished(runId);
        assertThat(run.<String>path("status")).isEqualTo("SUCCEEDED");
        assertThat(run.<Integer>path("published")).isEqualTo(27);

        try (FixtureHttpServer server = FixtureHttpServer.serve(studies)) {
            String httpRun = startRun(Map.of("source", "bia", "location", server.baseUrl()));
            Response second = awaitFinished(httpRun);
            assertThat(second.<String>path("status")).isEqualTo("SUCCEEDED");
            assertThat(second.<Integer>path("seen")).isEqualTo(27);
            assertThat(second.<Integer>path("unchanged")).isEqualTo(27);
        }
    }

    @Test
    void empiarEntriesNamedInTheLocationAreFetchedFromTheApi() throws IOException {
        byte[] entry;
        try (java.io.InputStream in = getClass().getResourceAsStream("/empiar/EMPIAR-10934.json")) {
            entry = in.readAllBytes();
        }
        try (ScriptedHttpServer server = ScriptedHttpServer.start(uri -> switch (uri.getPath()) {
            case "/empiar/api/entry/10934/" -> Reply.json(entry);
            case "/empiar/api/entry/10936/" -> Reply.json("{\"EMPIAR-10936\": {\"title\": \"cut off");
            default -> Reply.status(404);
        }).failFirst("/empiar/api/entry/10934/", 1, 500)) {
            String base = server.baseUrl() + "empiar/api";
            String runId = startRun(Map.of("source", "empiar", "location", base + "?entries=10934,10936-10937", "force", true));
            Response run = awaitFinished(runId);

            assertThat(run.<String>path("status")).isEqualTo("PARTIAL");
            assertThat(run.<Integer>path("seen")).isEqualTo(3);
            assertThat(run.<Integer>path("published")).isEqualTo(1);
            assertThat(run.<Integer>path("rejected")).isEqualTo(2);
            assertThat(server.requests()).containsExactly("/empiar/api/entry/10934/", "/empiar/api/entry/10934/",
                    "/empiar/api/entry/10936/", "/empiar/api/entry/10937/");
            HarvestedRecord published = publishedBy(runId).get("empiar:EMPIAR-10934");
            assertThat(published.sourceUrl()).isEqualTo(base + "/entry/10934/");
            assertThat(published.metadata().relatedDatasets()).contains(Identifier.of("emdb", "EMD-12602"));
            assertThat(published.metadata().publications()).extracting(p -> p.pmid()).containsExactly("34667155");

            List<HarvestRejected> rejected = rejectedBy(runId);
            assertThat(rejected).extracting(HarvestRejected::key).containsExactly(
                    "empiar:" + base + "/entry/10936/", "empiar:" + base + "/entry/10937/");
            assertThat(rejected.get(0).reason()).startsWith("10936: not valid JSON");
            assertThat(rejected.get(1).reason()).isEqualTo("10937: cannot be read: GET " + base + "/entry/10937/ answered HTTP 404");
        }
    }

    @Test
    void empiarEntriesCanBeEnumeratedThroughABioStudiesIndex() throws IOException {
        byte[] entry;
        try (java.io.InputStream in = getClass().getResourceAsStream("/empiar/EMPIAR-10934.json")) {
            entry = in.readAllBytes();
        }
        try (ScriptedHttpServer server = ScriptedHttpServer.start(uri -> switch (uri.getPath()) {
            case "/biostudies/api/v1/BioImages/search" -> Reply.json(searchPage(1, 100, 2, List.of("EMPIAR-10934", "S-BIAD15")));
            case "/empiar/api/entry/10934/" -> Reply.json(entry);
            default -> Reply.status(404);
        })) {
            String location = server.baseUrl() + "empiar/api?biostudies=" + server.baseUrl() + "biostudies/api/v1";
            String runId = startRun(Map.of("source", "empiar", "location", location, "force", true));
            Response run = awaitFinished(runId);

            assertThat(run.<String>path("status")).isEqualTo("SUCCEEDED");
            assertThat(publishedBy(runId).keySet()).containsExactly("empiar:EMPIAR-10934");
            assertThat(server.requests()).containsExactly(
                    "/biostudies/api/v1/BioImages/search?query=accession%3AEMPIAR*&page=1&pageSize=100",
                    "/empiar/api/entry/10934/");
        }
    }

    @Test
    void empiarEntryFilesAndHeaderXmlAreHarvestedFromDiskAndABadEntryListIsRefused() {
        String runId = startRun(Map.of("source", "empiar", "location",
                Fixtures.require("empiar/api-entry-json-test-variants").toString(), "force", true));
        Response run = awaitFinished(runId);
        assertThat(run.<String>path("status")).isEqualTo("SUCCEEDED");
        assertThat(publishedBy(runId).keySet()).containsExactlyInAnyOrder("empiar:EMPIAR-IMAGELABELTEST",
                "empiar:EMPIAR-IMAGEPATTERNTEST", "empiar:EMPIAR-SPECIMENTEST", "empiar:EMPIAR-STARFILETEST");

        String xmlRun = startRun(Map.of("source", "empiar", "location",
                Fixtures.require("empiar/entry-xml/EMPIAR-10934.xml").toString(), "force", true));
        assertThat(awaitFinished(xmlRun).<String>path("status")).isEqualTo("SUCCEEDED");
        assertThat(publishedBy(xmlRun).get("empiar:EMPIAR-10934").metadata().relatedDatasets())
                .containsExactly(Identifier.of("emdb", "EMD-12602"));

        given().header("X-API-Key", TestApiKeys.admin()).contentType(ContentType.JSON)
                .body(Map.of("source", "empiar", "location", "https://www.ebi.ac.uk/empiar/api?entries=10060-10050"))
                .when().post(RUNS)
                .then().statusCode(400).contentType("application/problem+json")
                .body("type", org.hamcrest.Matchers.equalTo("https://bioimagecatalog.org/problems/invalid-location"))
                .body("detail", org.hamcrest.Matchers.equalTo("'entries' of https://www.ebi.ac.uk/empiar/api?entries=10060-10050:"
                        + " range '10060-10050' ends before it starts"));
    }

    @Test
    void everyArchiveSourceIsListedWithItsConnectorAndArchive() {
        given().get("/api/v1/harvest/sources")
                .then().statusCode(200)
                .body("items.find { it.name == 'bia' }.type", org.hamcrest.Matchers.equalTo("biostudies"))
                .body("items.find { it.name == 'bia' }.archive", org.hamcrest.Matchers.equalTo("bia"))
                .body("items.find { it.name == 'empiar' }.type", org.hamcrest.Matchers.equalTo("empiar-api"))
                .body("items.find { it.name == 'empiar' }.archive", org.hamcrest.Matchers.equalTo("empiar"))
                .body("items.find { it.name == 'ssbd' }.type", org.hamcrest.Matchers.equalTo("gide-ro-crate"))
                .body("items.find { it.name == 'ssbd' }.archive", org.hamcrest.Matchers.equalTo("ssbd"))
                .body("items.find { it.name == 'idr-crates' }.archive", org.hamcrest.Matchers.equalTo("idr"))
                .body("items.find { it.name == 'bia-crates' }.archive", org.hamcrest.Matchers.equalTo("bia"))
                .body("items.find { it.name == 'empiar-crates' }.archive", org.hamcrest.Matchers.equalTo("empiar"))
                // generic paged sources key their records by source name unless they configure an archive
                .body("items.find { it.name == 'zenodo-oai' }.archive", org.hamcrest.Matchers.equalTo("zenodo-oai"))
                .body("items.find { it.name == 'dryad' }.archive", org.hamcrest.Matchers.equalTo("dryad"));
    }

    @Test
    void theRegistryLinksTheArchiveRepositoriesToTheirSources() {
        given().get("/api/v1/harvest/sources")
                .then().statusCode(200)
                .body("repositories.find { it.id == 'bia' }.harvested", org.hamcrest.Matchers.equalTo(true))
                .body("repositories.find { it.id == 'bia' }.sources.name",
                        org.hamcrest.Matchers.equalTo(List.of("bia", "bia-crates")))
                .body("repositories.find { it.id == 'bia' }.sources.configured",
                        org.hamcrest.Matchers.equalTo(List.of(true, true)))
                .body("repositories.find { it.id == 'bia' }.sources.type",
                        org.hamcrest.Matchers.equalTo(List.of("biostudies", "gide-ro-crate")))
                .body("repositories.find { it.id == 'empiar' }.harvested", org.hamcrest.Matchers.equalTo(true))
                .body("repositories.find { it.id == 'empiar' }.sources.name",
                        org.hamcrest.Matchers.equalTo(List.of("empiar", "empiar-crates")))
                .body("repositories.find { it.id == 'empiar' }.sources.configured",
                        org.hamcrest.Matchers.equalTo(List.of(true, true)))
                .body("repositories.find { it.id == 'ssbd' }.harvested", org.hamcrest.Matchers.equalTo(true))
                .body("repositories.find { it.id == 'ssbd' }.sources.type",
                        org.hamcrest.Matchers.equalTo(List.of("gide-ro-crate")))
                .body("repositories.find { it.id == 'idr' }.sources.name",
                        org.hamcrest.Matchers.equalTo(List.of("idr", "idr-api", "idr-crates")))
                .body("repositories.find { it.id == 'bbbc' }.harvested", org.hamcrest.Matchers.equalTo(true))
                .body("repositories.find { it.id == 'bbbc' }.sources.type",
                        org.hamcrest.Matchers.equalTo(List.of("bbbc-pages")));
    }

    private static String searchPage(int page, int pageSize, int total, List<String> accessions) {
        String hits = accessions.stream()
                .map(a -> "{\"accession\": \"" + a + "\", \"type\": \"study\", \"title\": \"t\", \"isPublic\": true}")
                .collect(Collectors.joining(", "));
        return "{\"page\": " + page + ", \"pageSize\": " + pageSize + ", \"totalHits\": " + total
                + ", \"isTotalHitsExact\": true, \"sortBy\": \"release_date\", \"sortOrder\": \"descending\", \"hits\": [" + hits + "]}";
    }

    private static byte[] readBytes(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    static String startRun(Map<String, Object> body) {
        return given().header("X-API-Key", TestApiKeys.admin()).contentType(ContentType.JSON).body(body)
                .when().post(RUNS)
                .then().statusCode(202).extract().path("id");
    }

    static Response awaitFinished(String runId) {
        Response[] last = new Response[1];
        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(200)).until(() -> {
            last[0] = given().get(RUNS + "/" + runId).then().statusCode(200).extract().response();
            return !"RUNNING".equals(last[0].path("status"));
        });
        return last[0];
    }

    static Map<String, HarvestedRecord> publishedBy(String runId) {
        return TopicReader.readAll(topic(HarvestedRecord.TOPIC)).stream()
                .map(r -> {
                    HarvestedRecord record = ModelJson.read(r.value(), HarvestedRecord.class);
                    assertThat(r.key()).isEqualTo(record.key());
                    return record;
                })
                .filter(r -> runId.equals(r.runId()))
                .collect(Collectors.toMap(HarvestedRecord::key, r -> r));
    }

    static List<HarvestRejected> rejectedBy(String runId) {
        return TopicReader.readAll(topic(HarvestRejected.TOPIC)).stream()
                .map(r -> ModelJson.read(r.value(), HarvestRejected.class))
                .filter(r -> runId.equals(r.runId()))
                .toList();
    }

    private static String topic(String name) {
        return ConfigProvider.getConfig().getValue("bic.kafka.topic-prefix", String.class) + name;
    }
}
