package org.bioimagecatalog.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.restassured.path.json.JsonPath;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.bioimagecatalog.client.ApiClient;
import org.bioimagecatalog.client.ApiException;
import org.bioimagecatalog.client.api.CitationsApi;
import org.bioimagecatalog.client.api.DatasetsApi;
import org.bioimagecatalog.client.api.HarvestRunsApi;
import org.bioimagecatalog.client.api.ReuseApi;
import org.bioimagecatalog.client.api.SearchApi;
import org.bioimagecatalog.client.model.CitationLink;
import org.bioimagecatalog.client.model.CitationSubmission;
import org.bioimagecatalog.client.model.Dataset;
import org.bioimagecatalog.client.model.DatasetPage;
import org.bioimagecatalog.client.model.HarvestRun;
import org.bioimagecatalog.client.model.SearchResult;
import org.bioimagecatalog.client.model.StartRunRequest;
import org.bioimagecatalog.client.model.SubmittedPublication;
import org.bioimagecatalog.testsupport.Fixtures;
import org.bioimagecatalog.testsupport.TestApiKeys;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The API as a client sees it: the Java client generated from the merged OpenAPI document (api-docs) drives the
 * four packaged services through a gateway rendered from gateway/nginx.conf.template, and the conventions
 * (ETag, Cache-Control, X-Request-Id, problem types) and the gateway's limits (rate, size, CORS) hold.
 * The client steps build on each other, hence the order.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ApiEndToEndTest {
    private static final Duration PIPELINE = Duration.ofMinutes(3);
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private Path studyFiles;
    private RunningSystem system;
    /** generous limits: the client steps are not rate limited */
    private Gateway gateway;
    /** tight limits, for the limit tests: 2 anonymous requests at once, then 1 a minute; bodies up to 2 KiB */
    private Gateway strict;
    private String datasetId;

    @BeforeAll
    void start() throws IOException, InterruptedException {
        studyFiles = Fixtures.require("idr/study-files");
        system = RunningSystem.start();
        gateway = Gateway.start(system, "api", "100r/s", 1000, "1m");
        strict = Gateway.start(system, "strict", "1r/m", 2, "2k");
    }

    @AfterAll
    void stop() {
        for (AutoCloseable closeable : new AutoCloseable[] {strict, gateway, system}) {
            try {
                if (closeable != null) {
                    closeable.close();
                }
            } catch (Exception e) {
                // best effort: each has its own ports and names
            }
        }
    }

    private ApiClient client(String apiKey) {
        ApiClient client = new ApiClient();
        client.updateBaseUri(gateway.baseUrl());
        if (apiKey != null) {
            client.setRequestInterceptor(request -> request.header("Authorization", "Bearer " + apiKey));
        }
        return client;
    }

    @Test
    @Order(1)
    void theGeneratedClientStartsAHarvestAndFollowsItToTheEnd() throws ApiException {
        HarvestRunsApi runs = new HarvestRunsApi(client(TestApiKeys.admin()));
        HarvestRun run = runs.postHarvestRuns(new StartRunRequest().source("idr").location(studyFiles.toString()));
        assertThat(run.getId()).isNotBlank();

        HarvestRunsApi anonymous = new HarvestRunsApi(client(null));
        await().atMost(PIPELINE).until(() -> !"RUNNING".equals(anonymous.getHarvestRunsId(run.getId()).getStatus().getValue()));
        HarvestRun done = anonymous.getHarvestRunsId(run.getId());
        assertThat(done.getStatus().getValue()).isEqualTo("SUCCEEDED");
        assertThat(done.getPublished()).isPositive();
    }

    @Test
    @Order(2)
    void theGeneratedClientListsAndReadsDatasets() throws ApiException {
        DatasetsApi datasets = new DatasetsApi(client(null));
        await().atMost(PIPELINE).until(() -> datasets.listDatasets(DatasetsApi.APIListDatasetsRequest.newBuilder()
                .source("idr").limit(5).build()).getTotal() > 0);
        DatasetPage page = datasets.listDatasets(DatasetsApi.APIListDatasetsRequest.newBuilder()
                .source("idr").limit(5).build());
        assertThat(page.getItems()).isNotEmpty().hasSizeLessThanOrEqualTo(5);
        datasetId = page.getItems().get(0).getId();

        Dataset dataset = datasets.getDataset(datasetId);
        assertThat(dataset.getId()).isEqualTo(datasetId);
        assertThat(dataset.getMetadata().getTitle()).isNotBlank();
        assertThat(dataset.getSourceRecords()).isNotEmpty();

        ApiException missing = org.junit.jupiter.api.Assertions.assertThrows(ApiException.class,
                () -> datasets.getDataset("bic-nosuchdataset"));
        assertThat(missing.getCode()).isEqualTo(404);
        assertThat(missing.getResponseBody()).contains("https://bioimagecatalog.org/problems/not-found");
    }

    @Test
    @Order(3)
    void theGeneratedClientSearches() throws ApiException {
        SearchApi search = new SearchApi(client(null));
        DatasetsApi datasets = new DatasetsApi(client(null));
        String title = datasets.getDataset(datasetId)
                .getMetadata().getTitle();
        await().atMost(PIPELINE).until(() -> search.searchDatasets(SearchApi.APISearchDatasetsRequest.newBuilder()
                .q(title).size("50").build()).getItems().stream().anyMatch(hit -> datasetId.equals(hit.getId())));
        SearchResult result = search.searchDatasets(SearchApi.APISearchDatasetsRequest.newBuilder()
                .source(List.of("idr")).size("5").build());
        assertThat(result.getTotal()).isPositive();
        assertThat(result.getItems()).allMatch(hit -> hit.getSources().contains("idr"));
    }

    @Test
    @Order(4)
    void theGeneratedClientSubmitsACitationWithASubmitterKey() throws ApiException {
        CitationSubmission submission = new CitationSubmission()
                .datasetId(datasetId)
                .relation(CitationSubmission.RelationEnum.REUSE)
                .publication(new SubmittedPublication().doi("10.5555/bic-api-e2e." + datasetId)
                        .title("A reuse submitted by the generated client").year(2026));

        ApiException anonymous = org.junit.jupiter.api.Assertions.assertThrows(ApiException.class,
                () -> new CitationsApi(client(null)).submitCitation(submission));
        assertThat(anonymous.getCode()).isEqualTo(401);

        CitationsApi citations = new CitationsApi(client(TestApiKeys.submitter()));
        // the reuse tracker learns the dataset from datasets.v1: poll until it accepts the link
        CitationLink link = await().atMost(PIPELINE).ignoreException(ApiException.class).until(
                () -> citations.submitCitation(submission), l -> l != null && l.getId() != null);
        assertThat(link.getDatasetId()).isEqualTo(datasetId);
        assertThat(link.getPublication().getDoi()).isEqualToIgnoringCase("10.5555/bic-api-e2e." + datasetId);

        CitationLink read = citations.getCitation(link.getId());
        assertThat(read.getId()).isEqualTo(link.getId());
        assertThat(new ReuseApi(client(null)).getDatasetReuse(datasetId).getDatasetId()).isEqualTo(datasetId);
    }

    @Test
    @Order(5)
    void singleRecordsHaveAnETagAndAnswer304ToAMatchingIfNoneMatch() throws Exception {
        for (String path : List.of("/api/v1/datasets/" + datasetId, "/api/v1/reuse/datasets/" + datasetId)) {
            HttpResponse<String> first = get(gateway, path, Map.of());
            assertThat(first.statusCode()).as(path).isEqualTo(200);
            String etag = first.headers().firstValue("ETag").orElseThrow(() -> new AssertionError("no ETag on " + path));
            assertThat(etag).matches("\"[A-Za-z0-9_-]+\"");

            HttpResponse<String> again = get(gateway, path, Map.of("If-None-Match", etag));
            assertThat(again.statusCode()).as(path).isEqualTo(304);
            assertThat(again.body()).isEmpty();
            assertThat(again.headers().firstValue("ETag")).contains(etag);

            HttpResponse<String> stale = get(gateway, path, Map.of("If-None-Match", "\"something-else\""));
            assertThat(stale.statusCode()).isEqualTo(200);
            assertThat(stale.body()).isEqualTo(first.body());
        }
        // another representation is another entity
        HttpResponse<String> jsonLd = get(gateway, "/api/v1/datasets/" + datasetId, Map.of("Accept", "application/ld+json"));
        assertThat(jsonLd.headers().firstValue("ETag"))
                .isNotEqualTo(get(gateway, "/api/v1/datasets/" + datasetId, Map.of()).headers().firstValue("ETag"));
    }

    @Test
    @Order(6)
    void publicReadsAreCacheableAndWritesAndErrorsAreNot() throws Exception {
        for (String path : List.of("/api/v1/datasets?limit=2", "/api/v1/datasets/" + datasetId, "/api/v1/search?q=cell",
                "/api/v1/reuse/datasets/" + datasetId, "/api/v1/harvest/sources")) {
            assertThat(get(gateway, path, Map.of()).headers().firstValue("Cache-Control")).as(path)
                    .contains("public, max-age=60");
        }
        assertThat(get(gateway, "/api/v1/datasets/bic-nosuchdataset", Map.of()).headers().firstValue("Cache-Control"))
                .isEmpty();
        HttpResponse<String> write = send(gateway, HttpRequest.newBuilder(URI.create(gateway.baseUrl() + "/api/v1/citations"))
                .header("Content-Type", "application/json")
                .header("Authorization", "Bearer " + TestApiKeys.submitter())
                .POST(HttpRequest.BodyPublishers.ofString("{}")));
        assertThat(write.statusCode()).isEqualTo(400);
        assertThat(write.headers().firstValue("Cache-Control")).isEmpty();
    }

    @Test
    @Order(7)
    void everyResponseCarriesTheRequestIdGivenOrMade() throws Exception {
        HttpResponse<String> given = get(gateway, "/api/v1/datasets/" + datasetId, Map.of("X-Request-Id", "trace-me-42"));
        assertThat(given.headers().allValues("X-Request-Id")).containsExactly("trace-me-42");
        HttpResponse<String> made = get(gateway, "/api/v1/search?q=cell", Map.of());
        assertThat(made.headers().allValues("X-Request-Id")).hasSize(1);
        assertThat(made.headers().firstValue("X-Request-Id").orElseThrow()).isNotBlank();
        // straight at a service, without the gateway: the service makes one
        HttpResponse<String> direct = send(null, HttpRequest.newBuilder(URI.create(system.reuse.baseUrl()
                + "/api/v1/reuse/datasets/" + datasetId)).GET());
        assertThat(direct.headers().firstValue("X-Request-Id")).isPresent();
        HttpResponse<String> echoed = send(null, HttpRequest.newBuilder(URI.create(system.harvester.baseUrl()
                + "/api/v1/harvest/runs/no-such-run")).header("X-Request-Id", "abc-123").GET());
        assertThat(echoed.headers().firstValue("X-Request-Id")).contains("abc-123");
    }

    @Test
    @Order(8)
    void aMissingRecordIsTheSameProblemTypeInEveryService() throws Exception {
        for (String path : List.of("/api/v1/datasets/bic-nosuchdataset", "/api/v1/harvest/runs/3f1b2c4d-0000-0000-0000-000000000000",
                "/api/v1/citations/999999999", "/api/v1/search/similar/bic-nosuchdataset", "/api/v1/nowhere")) {
            HttpResponse<String> response = get(gateway, path, Map.of());
            assertThat(response.statusCode()).as(path).isEqualTo(404);
            assertThat(response.headers().firstValue("Content-Type").orElse("")).as(path)
                    .startsWith("application/problem+json");
            assertThat(JsonPath.from(response.body()).getString("type")).as(path)
                    .isEqualTo("https://bioimagecatalog.org/problems/not-found");
        }
    }

    @Test
    @Order(8)
    void anInvalidParameterIsTheSameProblemTypeInEveryService() throws Exception {
        for (String path : List.of("/api/v1/datasets?limit=0", "/api/v1/harvest/runs?limit=0", "/api/v1/search?size=0",
                "/api/v1/reuse/producers/not-an-orcid")) {
            HttpResponse<String> response = get(gateway, path, Map.of());
            assertThat(response.statusCode()).as(path).isEqualTo(400);
            assertThat(response.headers().firstValue("Content-Type").orElse("")).as(path)
                    .startsWith("application/problem+json");
            assertThat(JsonPath.from(response.body()).getString("type")).as(path)
                    .isEqualTo("https://bioimagecatalog.org/problems/invalid-request");
        }
    }

    @Test
    @Order(9)
    void theGatewayLimitsRequestsWithoutAValidKeyPerAddressAndKeyedRequestsPerKey() throws Exception {
        List<Integer> anonymous = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            anonymous.add(get(strict, "/api/v1/sources", Map.of()).statusCode());
        }
        // burst 2 at 1 request a minute: at most 3 pass within the minute, the rest are refused
        assertThat(anonymous).contains(429);
        assertThat(anonymous.stream().filter(code -> code == 200).count()).isBetween(1L, 3L);
        HttpResponse<String> refused = get(strict, "/api/v1/sources", Map.of());
        assertThat(refused.statusCode()).isEqualTo(429);
        assertThat(refused.body()).contains("https://bioimagecatalog.org/problems/rate-limited");
        assertThat(refused.headers().firstValue("Retry-After")).isPresent();

        // a key header the services do not accept escapes nothing: the address's anonymous budget is spent
        List<Integer> bogus = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            bogus.add(get(strict, "/api/v1/sources", Map.of("X-API-Key", "bogus-" + i)).statusCode());
            bogus.add(get(strict, "/api/v1/search?q=cell", Map.of("Authorization", "Bearer bogus")).statusCode());
        }
        assertThat(bogus).as("with keys no service accepts").containsOnly(429);

        for (int i = 0; i < 6; i++) {
            assertThat(get(strict, "/api/v1/sources", Map.of("X-API-Key", TestApiKeys.submitter())).statusCode())
                    .as("with a valid key").isEqualTo(200);
        }
    }

    @Test
    @Order(10)
    void theGatewayRefusesABodyOverItsLimit() throws Exception {
        String big = "{\"datasetId\":\"" + datasetId + "\",\"padding\":\"" + "x".repeat(4096) + "\"}";
        HttpResponse<String> response = send(strict, HttpRequest.newBuilder(URI.create(strict.baseUrl() + "/api/v1/citations"))
                .header("Content-Type", "application/json")
                .header("Authorization", "Bearer " + TestApiKeys.submitter())
                .POST(HttpRequest.BodyPublishers.ofString(big)));
        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(response.body()).contains("https://bioimagecatalog.org/problems/payload-too-large");
    }

    @Test
    @Order(11)
    void corsIsOpenForSearchReadsAndClosedForWrites() throws Exception {
        String origin = "https://portal.example.org";
        HttpResponse<String> search = get(gateway, "/api/v1/search?q=cell", Map.of("Origin", origin));
        assertThat(search.statusCode()).isEqualTo(200);
        assertThat(search.headers().firstValue("Access-Control-Allow-Origin")).hasValueSatisfying(
                value -> assertThat(value).isIn("*", origin));

        HttpResponse<String> preflight = send(gateway, HttpRequest.newBuilder(URI.create(gateway.baseUrl() + "/api/v1/citations"))
                .header("Origin", origin).header("Access-Control-Request-Method", "POST")
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody()));
        assertThat(preflight.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
        HttpResponse<String> write = send(gateway, HttpRequest.newBuilder(URI.create(gateway.baseUrl() + "/api/v1/citations"))
                .header("Origin", origin).header("Content-Type", "application/json")
                .header("Authorization", "Bearer " + TestApiKeys.submitter())
                .POST(HttpRequest.BodyPublishers.ofString("{}")));
        assertThat(write.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
        HttpResponse<String> reindexPreflight = send(gateway, HttpRequest.newBuilder(
                        URI.create(gateway.baseUrl() + "/api/v1/search/admin/reindex"))
                .header("Origin", origin).header("Access-Control-Request-Method", "POST")
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody()));
        assertThat(reindexPreflight.headers().firstValue("Access-Control-Allow-Methods").orElse(""))
                .doesNotContain("POST");
    }

    @Test
    @Order(12)
    void theGatewayServesTheMergedOpenApiDocument() throws Exception {
        HttpResponse<String> json = get(gateway, "/api/v1/openapi", Map.of());
        assertThat(json.statusCode()).isEqualTo(200);
        assertThat(json.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/json"));
        JsonPath document = JsonPath.from(json.body());
        assertThat(document.getString("openapi")).startsWith("3.1");
        assertThat(document.getMap("paths")).containsKey("/api/v1/citations").doesNotContainKey("/q/health");
        HttpResponse<String> yaml = get(gateway, "/api/v1/openapi.yaml", Map.of());
        assertThat(yaml.statusCode()).isEqualTo(200);
        assertThat(yaml.body()).matches("(?s)openapi: \"?3\\.1.*");
    }

    @Test
    @Order(13)
    void theDomainFiguresAreOnEveryServicesMetrics() throws Exception {
        String harvester = metrics(system.harvester);
        assertThat(value(harvester, "bic_harvest_records_total", "outcome=\"published\"", "source=\"idr\""))
                .as("records harvested from idr").isPositive();
        assertThat(harvester).as("dead-lettered records per source are counted under outcome=rejected")
                .contains("bic_harvest_runs_total");
        String reuse = metrics(system.reuse);
        assertThat(value(reuse, "bic_reuse_links_recorded_total", "relation=\"REUSE\""))
                .as("the citation submitted above").isGreaterThanOrEqualTo(1);
        long indexed = new SearchApi(client(null)).searchDatasets(SearchApi.APISearchDatasetsRequest.newBuilder()
                .size("1").build()).getTotal();
        await().atMost(PIPELINE).untilAsserted(() -> assertThat(value(metrics(system.search), "bic_search_index_documents"))
                .as("index size").isEqualTo(indexed));
    }

    private static String metrics(ServiceProcess service) throws IOException, InterruptedException {
        return send(null, HttpRequest.newBuilder(URI.create(service.baseUrl() + "/q/metrics")).GET()).body();
    }

    /** The value of the first sample of {@code name} whose labels contain all of {@code labels}. */
    private static double value(String metrics, String name, String... labels) {
        return metrics.lines()
                .filter(line -> line.startsWith(name + "{") || line.startsWith(name + " "))
                .filter(line -> List.of(labels).stream().allMatch(line::contains))
                .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no " + name + " " + List.of(labels) + " in the metrics"));
    }

    private static HttpResponse<String> get(Gateway via, String path, Map<String, String> headers)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(via.baseUrl() + path)).GET();
        headers.forEach(request::header);
        return send(via, request);
    }

    private static HttpResponse<String> send(Gateway via, HttpRequest.Builder request) throws IOException, InterruptedException {
        return HTTP.send(request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
