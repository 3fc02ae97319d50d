package org.bioimagecatalog.harvester.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import com.sun.net.httpserver.HttpServer;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.bioimagecatalog.harvester.run.SourceLocks;
import org.bioimagecatalog.model.ModelJson;
import org.bioimagecatalog.model.Organism;
import org.bioimagecatalog.model.Publication;
import org.bioimagecatalog.model.events.HarvestRejected;
import org.bioimagecatalog.model.events.HarvestedRecord;
import org.bioimagecatalog.testsupport.FixtureHttpServer;
import org.bioimagecatalog.testsupport.Fixtures;
import org.bioimagecatalog.testsupport.LocalStack;
import org.bioimagecatalog.testsupport.StackTestResource;
import org.bioimagecatalog.testsupport.TestApiKeys;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * The harvester over its real HTTP surface, on the real stack: PostgreSQL for runs and hashes, Kafka topics
 * under this JVM's prefix read back with a plain consumer, fixtures served from disk and over HTTP. The first
 * three tests are ordered: they harvest the fixture folder, re-harvest it, then harvest it over HTTP.
 */
@QuarkusTest
@QuarkusTestResource(StackTestResource.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class HarvestApiTest {
    private static final String RUNS = "/api/v1/harvest/runs";
    private static final String PROBLEM_JSON = "application/problem+json";
    static final String KNOWN_SOURCES = "bbbc, bia, bia-crates, cil, cpg, dataverse, dryad, empiar, empiar-crates, figshare,"
            + " huggingface, idr, idr-api, idr-crates, ieee-dataport, kaggle, osf, ssbd, tcia, zenodo, zenodo-oai, zenodo-rest";

    @Test
    @Order(1)
    void harvestingTheFixtureFolderPublishesOneRecordPerStudyFile() throws IOException {
        Path folder = Fixtures.require("idr/study-files");
        Set<String> expectedKeys = studyKeys(folder);

        Response started = given().header("X-API-Key", TestApiKeys.admin()).contentType(ContentType.JSON)
                .body(Map.of("source", "idr", "location", folder.toString()))
                .when().post(RUNS)
                .then().statusCode(202)
                .body("status", equalTo("RUNNING"))
                .body("source", equalTo("idr"))
                .body("location", equalTo(folder.toString()))
                .extract().response();
        String runId = started.path("id");
        assertThat(started.header("Location")).endsWith(RUNS + "/" + runId);

        Response run = awaitFinished(runId);
        assertThat(run.<String>path("status")).isEqualTo("SUCCEEDED");
        assertThat(run.<Integer>path("seen")).isEqualTo(expectedKeys.size());
        assertThat(run.<Integer>path("published")).isEqualTo(expectedKeys.size());
        assertThat(run.<Integer>path("unchanged")).isZero();
        assertThat(run.<Integer>path("rejected")).isZero();
        assertThat(run.<List<?>>path("errors")).isEmpty();
        assertThat(run.<String>path("finishedAt")).isNotNull();

        Map<String, HarvestedRecord> published = publishedBy(runId);
        assertThat(published.keySet()).isEqualTo(expectedKeys);
        HarvestedRecord idr0001 = published.get("idr:idr0001");
        assertThat(idr0001.schemaVersion()).isEqualTo(1);
        assertThat(idr0001.source()).isEqualTo("idr");
        assertThat(idr0001.nativeId()).isEqualTo("idr0001");
        assertThat(idr0001.runId()).isEqualTo(runId);
        assertThat(idr0001.sourceUrl()).startsWith("file:/").endsWith("/idr0001-study.txt");
        assertThat(idr0001.contentHash()).isEqualTo(ModelJson.contentHash(idr0001.metadata()));
        assertThat(idr0001.metadata().organisms()).containsExactly(new Organism("Schizosaccharomyces pombe", "4896"));
        assertThat(idr0001.metadata().publications()).extracting(Publication::pmid, Publication::doi)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("25373780", "10.1016/j.devcel.2014.09.005"));
        assertThat(published.get("idr:idr0113").metadata().creators().get(0).affiliation()).endsWith("Zürich");
    }

    @Test
    @Order(2)
    void reharvestingUnchangedStudiesPublishesNothing() throws IOException {
        Path folder = Fixtures.require("idr/study-files");
        int studies = studyKeys(folder).size();

        String runId = startRun(Map.of("source", "idr", "location", folder.toString()));
        Response run = awaitFinished(runId);

        assertThat(run.<String>path("status")).isEqualTo("SUCCEEDED");
        assertThat(run.<Integer>path("seen")).isEqualTo(studies);
        assertThat(run.<Integer>path("unchanged")).isEqualTo(studies);
        assertThat(run.<Integer>path("published")).isZero();
        assertThat(publishedBy(runId)).isEmpty();
    }

    @Test
    @Order(3)
    void harvestingOverHttpFindsTheSameStudies() throws IOException {
        Path folder = Fixtures.require("idr/study-files");
        try (FixtureHttpServer server = FixtureHttpServer.serve(folder)) {
            String runId = startRun(Map.of("source", "idr", "location", server.baseUrl(), "force", true));
            Response run = awaitFinished(runId);

            assertThat(run.<String>path("status")).isEqualTo("SUCCEEDED");
            Map<String, HarvestedRecord> published = publishedBy(runId);
            assertThat(published.keySet()).isEqualTo(studyKeys(folder));
            assertThat(published.get("idr:idr0001").sourceUrl()).isEqualTo(server.baseUrl() + "idr0001-study.txt");
            assertThat(published.get("idr:idr0108").metadata().publications().get(0).authors()).contains("Hériché JK");
        }
    }

    @Test
    @Order(4)
    void singleStudyFileUrlIsHarvestedAlone() {
        Path folder = Fixtures.require("idr/study-files");
        try (FixtureHttpServer server = FixtureHttpServer.serve(folder)) {
            String runId = startRun(Map.of("source", "idr", "location", server.baseUrl() + "idr0083-study.txt",
                    "force", true));
            Response run = awaitFinished(runId);

            assertThat(run.<String>path("status")).isEqualTo("SUCCEEDED");
            assertThat(run.<Integer>path("published")).isEqualTo(1);
            assertThat(publishedBy(runId).get("idr:idr0083").metadata().organisms()).containsExactly(
                    new Organism("Homo sapiens", "9606"),
                    new Organism("Severe acute respiratory syndrome coronavirus 2", "2697049"));
        }
    }

    @Test
    void unreadableFilesGoToTheDeadLetterTopicAndTheRunContinues(@TempDir Path dir) throws IOException {
        Files.copy(Fixtures.require("idr/study-files/idr0001-study.txt"), dir.resolve("idr0001-study.txt"));
        byte[] garbage = new byte[200];
        new Random(7).nextBytes(garbage);
        Files.write(dir.resolve("idr9999-study.txt"), garbage);
        Files.createDirectories(dir.resolve("nested"));
        Files.writeString(dir.resolve("nested/idr9998-study.txt"), "# Study\t\t\t\r\n");

        String runId = startRun(Map.of("source", "idr", "location", dir.toString(), "force", true));
        Response run = awaitFinished(runId);

        assertThat(run.<String>path("status")).isEqualTo("PARTIAL");
        assertThat(run.<Integer>path("seen")).isEqualTo(3);
        assertThat(run.<Integer>path("published")).isEqualTo(1);
        assertThat(run.<Integer>path("rejected")).isEqualTo(2);
        List<Map<String, String>> errors = run.path("errors");
        assertThat(errors).extracting(e -> e.get("location")).containsExactly(
                dir.resolve("idr9999-study.txt").toString(), dir.resolve("nested/idr9998-study.txt").toString());
        assertThat(errors.get(0).get("reason")).startsWith("idr9999-study.txt: binary content");
        assertThat(errors.get(1).get("reason")).isEqualTo("idr9998-study.txt: not an IDR study file: it has neither"
                + " a 'Study Title' nor a 'Comment[IDR Study Accession]' line");

        assertThat(publishedBy(runId).keySet()).containsExactly("idr:idr0001");
        List<HarvestRejected> rejected = TopicReader.readAll(topic(HarvestRejected.TOPIC)).stream()
                .map(r -> ModelJson.read(r.value(), HarvestRejected.class))
                .filter(r -> runId.equals(r.runId()))
                .toList();
        assertThat(rejected).extracting(HarvestRejected::key).containsExactly(
                "idr:" + dir.resolve("idr9999-study.txt"), "idr:" + dir.resolve("nested/idr9998-study.txt"));
        assertThat(rejected.get(1).reason()).contains("idr9998-study.txt");
        assertThat(rejected.get(1).payloadExcerpt()).isEqualTo("# Study\t\t\t\r\n");
    }

    @Test
    void locationThatDoesNotExistFailsTheRun() {
        String runId = startRun(Map.of("source", "idr", "location", "/nonexistent/idr-study-files"));
        Response run = awaitFinished(runId);

        assertThat(run.<String>path("status")).isEqualTo("FAILED");
        assertThat(run.<String>path("failureReason"))
                .isEqualTo("the location cannot be read: no such file or directory: /nonexistent/idr-study-files");
        assertThat(run.<Integer>path("seen")).isZero();
    }

    @Test
    void unreachableMirrorFailsTheRunAfterRetries() {
        String runId = startRun(Map.of("source", "idr", "location", "http://127.0.0.1:9/idr-metadata/"));
        Response run = awaitFinished(runId);

        assertThat(run.<String>path("status")).isEqualTo("FAILED");
        assertThat(run.<String>path("failureReason"))
                .startsWith("the location cannot be read: GET http://127.0.0.1:9/idr-metadata/ failed after 3 attempts");
    }

    @Test
    void secondRunOfABusySourceIsRefused() throws IOException {
        byte[] study = Files.readAllBytes(Fixtures.require("idr/study-files/idr0001-study.txt"));
        CountDownLatch release = new CountDownLatch(1);
        HttpServer slow = HttpServer.create(new InetSocketAddress(LocalStack.HOST, 0), 0);
        slow.createContext("/", exchange -> {
            try (exchange; OutputStream out = exchange.getResponseBody()) {
                release.await(30, TimeUnit.SECONDS);
                exchange.sendResponseHeaders(200, study.length);
                out.write(study);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        slow.start();
        try {
            String url = "http://" + LocalStack.HOST + ":" + slow.getAddress().getPort() + "/idr0001-study.txt";
            String first = startRun(Map.of("source", "idr", "location", url));

            given().header("X-API-Key", TestApiKeys.admin()).contentType(ContentType.JSON).body(Map.of("source", "idr", "location", url))
                    .when().post(RUNS)
                    .then().statusCode(409)
                    .contentType(PROBLEM_JSON)
                    .body("type", equalTo("https://bioimagecatalog.org/problems/run-in-progress"))
                    .body("status", equalTo(409))
                    .body("detail", equalTo("source 'idr' is being harvested already by run " + first
                            + "; try again when it has finished"));

            release.countDown();
            Response run = awaitFinished(first);
            assertThat(run.<String>path("status")).isEqualTo("SUCCEEDED");
            assertThat(run.<Integer>path("seen")).isEqualTo(1);
        } finally {
            release.countDown();
            slow.stop(0);
        }
    }

    @Test
    void sourceLockedByAnotherReplicaIsRefused() throws Exception {
        String jdbcUrl = ConfigProvider.getConfig().getValue("quarkus.datasource.jdbc.url", String.class);
        try (Connection otherReplica = DriverManager.getConnection(jdbcUrl, "postgres", "")) {
            try (PreparedStatement lock = otherReplica.prepareStatement("select pg_advisory_lock(?, ?)")) {
                lock.setInt(1, SourceLocks.NAMESPACE);
                lock.setInt(2, SourceLocks.lockKey("idr"));
                lock.execute();
            }

            given().header("X-API-Key", TestApiKeys.admin()).contentType(ContentType.JSON)
                    .body(Map.of("source", "idr", "location", "/nonexistent/idr-study-files"))
                    .when().post(RUNS)
                    .then().statusCode(409)
                    .contentType(PROBLEM_JSON)
                    .body("detail", equalTo("source 'idr' is being harvested already by another replica;"
                            + " try again when it has finished"));
        }
    }

    @Test
    void badRunRequestsAreAnsweredWithProblems() {
        assertProblem(given().header("X-API-Key", TestApiKeys.admin()).contentType(ContentType.JSON).body(Map.of("source", "nosuch", "location", "/tmp")).post(RUNS),
                400, "unknown-source", "no source named 'nosuch' is configured; known sources: " + KNOWN_SOURCES);
        assertProblem(given().header("X-API-Key", TestApiKeys.admin()).contentType(ContentType.JSON).body(Map.of("source", "idr")).post(RUNS),
                400, "invalid-location", "no 'location' given and source 'idr' has none configured"
                        + " (bic.harvester.sources.idr.location)");
        assertProblem(given().header("X-API-Key", TestApiKeys.admin()).contentType(ContentType.JSON).body(Map.of("location", "/tmp")).post(RUNS),
                400, "invalid-request", "'source' is required, e.g. {\"source\":\"idr\"}");
        assertProblem(given().header("X-API-Key", TestApiKeys.admin()).contentType(ContentType.JSON).body(Map.of("source", "idr", "location", "study-files")).post(RUNS),
                400, "invalid-location", "a local location must be an absolute path, not 'study-files'");
        assertProblem(given().header("X-API-Key", TestApiKeys.admin()).contentType(ContentType.JSON).body(Map.of("source", "idr", "location", "ftp://example.org/x")).post(RUNS),
                400, "invalid-location", "unsupported location scheme 'ftp': use an absolute path, a file: URI or an http(s) URL");
        given().header("X-API-Key", TestApiKeys.admin()).contentType(ContentType.JSON).body("{\"source\": ").when().post(RUNS)
                .then().statusCode(400).contentType(PROBLEM_JSON)
                .body("type", equalTo("https://bioimagecatalog.org/problems/invalid-request"))
                .body("detail", containsString("the body is not the JSON this endpoint expects"));
        given().header("X-API-Key", TestApiKeys.admin()).contentType(ContentType.JSON).body("{\"source\": [1, 2]}").when().post(RUNS)
                .then().statusCode(400).contentType(PROBLEM_JSON)
                .body("type", equalTo("https://bioimagecatalog.org/problems/invalid-request"));
        assertProblem(given().queryParam("limit", "abc").get(RUNS),
                400, "invalid-request", "'limit' must be a whole number between 1 and 100, not 'abc'");
        assertProblem(given().queryParam("limit", "0").get(RUNS),
                400, "invalid-request", "'limit' must be between 1 and 100, not 0");
        assertProblem(given().queryParam("cursor", "not-a-cursor").get(RUNS),
                400, "invalid-request", "'cursor' is not a cursor this API returned");
    }

    @Test
    void unknownRunsAndPathsAreNotFoundProblems() {
        String id = UUID.randomUUID().toString();
        assertProblem(given().get(RUNS + "/" + id), 404, "not-found", "no harvest run has id '" + id + "'");
        assertProblem(given().get(RUNS + "/not-a-uuid"), 404, "not-found", "no harvest run has id 'not-a-uuid'");
        given().get("/api/v1/harvest/nothing-here")
                .then().statusCode(404).contentType(PROBLEM_JSON)
                .body("type", equalTo("https://bioimagecatalog.org/problems/not-found"))
                .body("instance", equalTo("/api/v1/harvest/nothing-here"));
    }

    @Test
    @Order(5)
    void runsAreListedNewestFirstWithACursor() {
        Response firstPage = given().queryParam("limit", 2).get(RUNS).then().statusCode(200).extract().response();
        List<String> firstIds = firstPage.path("items.id");
        List<String> firstStarts = firstPage.path("items.startedAt");
        String next = firstPage.path("next");
        assertThat(firstIds).hasSize(2);
        assertThat(firstPage.<Object>path("items[0].errors")).isNull();
        assertThat(next).isNotBlank();

        Response secondPage = given().queryParam("limit", 100).queryParam("cursor", next).get(RUNS)
                .then().statusCode(200).body("next", nullValue()).extract().response();
        List<String> secondIds = secondPage.path("items.id");
        List<String> secondStarts = secondPage.path("items.startedAt");
        assertThat(secondIds).isNotEmpty().doesNotContainAnyElementsOf(firstIds);
        assertThat(firstStarts.get(1)).isGreaterThanOrEqualTo(secondStarts.get(0));
        List<String> all = Stream.concat(firstStarts.stream(), secondStarts.stream()).toList();
        assertThat(all).isSortedAccordingTo(java.util.Comparator.reverseOrder());
    }

    @Test
    @Order(6)
    void sourcesListTheIdrConnectorWithItsLastRun() {
        Response sources = given().get("/api/v1/harvest/sources")
                .then().statusCode(200)
                .body("items.name", equalTo(List.of(KNOWN_SOURCES.split(", "))))
                .body("items.find { it.name == 'idr' }.type", equalTo("idr-study-files"))
                .body("items.find { it.name == 'idr' }.archive", equalTo("idr"))
                .body("items.find { it.name == 'idr' }.location", nullValue())
                .body("items.find { it.name == 'idr' }.scheduled", equalTo(false))
                .extract().response();

        // the idr runs are those of the ordered tests above, which need ../shared
        Fixtures.require("idr/study-files");
        List<Map<String, Object>> runs = given().queryParam("limit", 100).get(RUNS).then().statusCode(200)
                .extract().path("items");
        Object newestIdr = runs.stream().filter(r -> "idr".equals(r.get("source"))).findFirst().orElseThrow().get("id");
        assertThat(sources.<Object>path("items.find { it.name == 'idr' }.lastRun.id")).isEqualTo(newestIdr);
    }

    @Test
    @Order(7)
    void healthMetricsAndOpenApiAreServed() {
        given().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"));
        given().accept("application/json").get("/q/openapi")
                .then().statusCode(200)
                .body("info.title", equalTo("BioImage Catalog harvester API"))
                .body("paths", org.hamcrest.Matchers.hasKey("/api/v1/harvest/runs"))
                .body("paths", org.hamcrest.Matchers.hasKey("/api/v1/harvest/runs/{id}"))
                .body("paths", org.hamcrest.Matchers.hasKey("/api/v1/harvest/sources"));

        // the idr counters are those of the ordered harvests above, which need ../shared
        Fixtures.require("idr/study-files");
        String metrics = given().get("/q/metrics").then().statusCode(200).extract().asString();
        assertThat(metrics).contains("bic_harvest_records_total{outcome=\"published\",source=\"idr\"}")
                .contains("bic_harvest_records_total{outcome=\"unchanged\",source=\"idr\"}")
                .contains("bic_harvest_runs_total{source=\"idr\",status=\"SUCCEEDED\"}");
    }

    private static String startRun(Map<String, Object> body) {
        return given().header("X-API-Key", TestApiKeys.admin()).contentType(ContentType.JSON).body(body)
                .when().post(RUNS)
                .then().statusCode(202).extract().path("id");
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
        List<ConsumerRecord<String, String>> records = TopicReader.readAll(topic(HarvestedRecord.TOPIC));
        return records.stream()
                .map(r -> {
                    HarvestedRecord record = ModelJson.read(r.value(), HarvestedRecord.class);
                    assertThat(r.key()).isEqualTo(record.key());
                    return record;
                })
                .filter(r -> runId.equals(r.runId()))
                .collect(Collectors.toMap(HarvestedRecord::key, r -> r));
    }

    private static String topic(String name) {
        return ConfigProvider.getConfig().getValue("bic.kafka.topic-prefix", String.class) + name;
    }

    private static Set<String> studyKeys(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.map(p -> p.getFileName().toString())
                    .filter(n -> n.endsWith("-study.txt"))
                    .map(n -> "idr:" + n.substring(0, 7))
                    .collect(Collectors.toSet());
        }
    }

    private static void assertProblem(Response response, int status, String kind, String detail) {
        response.then().statusCode(status)
                .contentType(PROBLEM_JSON)
                .body("type", equalTo("https://bioimagecatalog.org/problems/" + kind))
                .body("status", equalTo(status))
                .body("detail", equalTo(detail));
    }
}
