package org.bioimagecatalog.e2e;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;

import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.bioimagecatalog.testsupport.LocalStack;
import org.bioimagecatalog.testsupport.TestApiKeys;
import org.bioimagecatalog.testsupport.TestDatabases;
import org.bioimagecatalog.testsupport.TestTopics;

/**
 * The four services started from their packaged applications on the real stack, in a namespace of their own:
 * topics and indices carry a per-run prefix and the services share a database created for the run (each in
 * its own schema), dropped at the end.
 */
final class RunningSystem implements AutoCloseable {
    final String namespace;
    final ServiceProcess harvester;
    final ServiceProcess catalog;
    final ServiceProcess search;
    final ServiceProcess reuse;
    private final List<ServiceProcess> all = new ArrayList<>();
    /** The pages, started by {@link #startPortal()} for the tests that use them. */
    ServiceProcess portal;

    private RunningSystem(String namespace, ServiceProcess harvester, ServiceProcess catalog, ServiceProcess search,
            ServiceProcess reuse) {
        this.namespace = namespace;
        this.harvester = harvester;
        this.catalog = catalog;
        this.search = search;
        this.reuse = reuse;
        all.addAll(List.of(harvester, catalog, search, reuse));
    }

    static RunningSystem start() throws IOException, InterruptedException {
        return start(Map.of());
    }

    /** With more configuration for every service, e.g. an OTLP endpoint ({@code bic.otel.endpoint}). */
    static RunningSystem start(Map<String, String> extra) throws IOException, InterruptedException {
        LocalStack.ensureRunning();
        String namespace = "e2e" + LocalDateTime.now().format(DateTimeFormatter.ofPattern("MMddHHmmss"));
        TestTopics.create(namespace + ".");
        TestDatabases.create(namespace);
        Path repo = LocalStack.repoDir();
        // the services read their API keys from this file; the test sends TestApiKeys.admin() for harvests
        Path keysFile = TestApiKeys.writeTo(repo.resolve("e2e-tests/target/e2e-api-keys"));
        Map<String, String> config = new HashMap<>(extra);
        config.putAll(Map.of(
                "bic.security.keys-file", keysFile.toAbsolutePath().toString(),
                "quarkus.datasource.jdbc.url", LocalStack.jdbcUrl(namespace),
                "kafka.bootstrap.servers", LocalStack.kafkaBootstrap(),
                "quarkus.elasticsearch.hosts", LocalStack.elasticsearchHost(),
                "bic.kafka.topic-prefix", namespace + ".",
                "bic.elasticsearch.index-prefix", namespace + "-",
                // the runs read local study files and servers on 127.0.0.1: allowed explicitly (closed by default)
                "bic.harvester.locations.allow-private-addresses", "true",
                "bic.harvester.locations.local-root", "/",
                "bic.harvester.locations.allow-any-url", "true"));
        Path logs = repo.resolve("e2e-tests/target/e2e-logs");
        RunningSystem system = new RunningSystem(namespace,
                ServiceProcess.start(repo, "harvester-service", config, logs),
                ServiceProcess.start(repo, "catalog-service", withGroup(config, namespace, "catalog-service",
                        "harvested"), logs),
                ServiceProcess.start(repo, "search-service", withGroup(config, namespace, "search-service",
                        "datasets", "reuse-summaries"), logs),
                ServiceProcess.start(repo, "reuse-tracker-service", withGroup(config, namespace, "reuse-tracker-service",
                        "datasets"), logs));
        try {
            for (ServiceProcess service : system.all) {
                service.awaitReady(Duration.ofSeconds(180));
            }
        } catch (RuntimeException | InterruptedException | IOException e) {
            system.close();
            throw e;
        }
        return system;
    }

    /** Starts the packaged portal, reading this system's four services, and waits until it is ready. */
    ServiceProcess startPortal() throws IOException, InterruptedException {
        Map<String, String> config = Map.of(
                "quarkus.rest-client.catalog.url", catalog.baseUrl(),
                "quarkus.rest-client.search.url", search.baseUrl(),
                "quarkus.rest-client.reuse.url", reuse.baseUrl(),
                "quarkus.rest-client.harvester.url", harvester.baseUrl());
        portal = ServiceProcess.start(LocalStack.repoDir(), "portal", config,
                LocalStack.repoDir().resolve("e2e-tests/target/e2e-logs"));
        all.add(portal);
        portal.awaitReady(Duration.ofSeconds(120));
        return portal;
    }

    /** The consumer group of a service in this run: the production name under the namespace. */
    String group(String service) {
        return namespace + "." + service;
    }

    /**
     * Gives the service's consumer group the run's namespace too: the group names of application.properties are
     * shared by every run on the broker, and a group can only be reset to offset 0 while none of its members run.
     */
    private static Map<String, String> withGroup(Map<String, String> config, String namespace, String service,
            String... channels) {
        Map<String, String> own = new HashMap<>(config);
        for (String channel : channels) {
            own.put("mp.messaging.incoming." + channel + ".group.id", namespace + "." + service);
        }
        return own;
    }

    /** Every dataset the catalog lists, each as its own JSON, read page by page with the catalog's cursor. */
    List<JsonPath> catalogDatasets() {
        List<JsonPath> datasets = new ArrayList<>();
        String cursor = null;
        do {
            var request = given().baseUri(catalog.baseUrl()).queryParam("limit", 50);
            if (cursor != null) {
                request.queryParam("cursor", cursor);
            }
            JsonPath page = request.get("/api/v1/datasets").then().statusCode(200).extract().jsonPath();
            List<Map<String, Object>> items = page.getList("items");
            for (int i = 0; i < items.size(); i++) {
                datasets.add(JsonPath.from(page.prettify()).setRootPath("items[" + i + "]"));
            }
            cursor = page.getString("next");
        } while (cursor != null);
        return datasets;
    }

    /** Starts a harvest of the IDR study files at {@code location} with the admin key and waits until it ends. */
    JsonPath harvestIdr(String location, Duration timeout) {
        return harvest("idr", location, timeout);
    }

    /** Starts a run of {@code source} at {@code location} with the admin key and waits until it ends. */
    JsonPath harvest(String source, String location, Duration timeout) {
        return harvest(source, location, false, timeout);
    }

    /** The same; {@code force} republishes records whose content did not change. */
    JsonPath harvest(String source, String location, boolean force, Duration timeout) {
        String runId = given().baseUri(harvester.baseUrl()).contentType(ContentType.JSON)
                .header("Authorization", "Bearer " + TestApiKeys.admin())
                .body(Map.of("source", source, "location", location, "force", force))
                .post("/api/v1/harvest/runs").then().statusCode(202).extract().jsonPath().getString("id");
        return await().atMost(timeout).until(
                () -> given().baseUri(harvester.baseUrl()).header("Authorization", "Bearer " + TestApiKeys.admin())
                        .get("/api/v1/harvest/runs/" + runId).then().statusCode(200).extract().jsonPath(),
                r -> !"RUNNING".equals(r.getString("status")));
    }

    @Override
    public void close() {
        all.forEach(ServiceProcess::stop);
        TestTopics.delete(namespace + ".");
        TestDatabases.drop(namespace);
        deleteIndices();
    }

    private void deleteIndices() {
        try {
            HttpRequest request = HttpRequest.newBuilder(
                    URI.create("http://" + LocalStack.elasticsearchHost() + "/" + namespace + "-*")).DELETE().build();
            HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.discarding());
        } catch (IOException e) {
            // best effort: the indices carry a unique prefix
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
