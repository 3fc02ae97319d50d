package org.bioimagecatalog.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.bioimagecatalog.testsupport.TestApiKeys;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * An OpenAPI-driven fuzz of the four packaged services: every operation of each service's own OpenAPI document
 * ({@code /q/openapi?format=json}) is called with invalid path and query parameters, broken and huge bodies, odd
 * headers and injection strings (SQL, Elasticsearch query DSL, path traversal, XSS), once without and once with an
 * admin API key. No answer may be a 5xx, and every 4xx must be {@code application/problem+json} with its status and
 * a title. The requests are seeded ({@code -Dbic.fuzz.seed}); a failure lists each offending request.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ApiFuzzEndToEndTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final long SEED = Long.getLong("bic.fuzz.seed", 20261125L);

    private RunningSystem system;

    @BeforeAll
    void startSystem() throws IOException, InterruptedException {
        system = RunningSystem.start();
    }

    @AfterAll
    void stopSystem() {
        if (system != null) {
            system.close();
        }
    }

    @Test
    void harvesterAnswersEveryBadRequestWithAProblem() throws Exception {
        fuzz("harvester-service", system.harvester.baseUrl());
    }

    @Test
    void catalogAnswersEveryBadRequestWithAProblem() throws Exception {
        fuzz("catalog-service", system.catalog.baseUrl());
    }

    @Test
    void searchAnswersEveryBadRequestWithAProblem() throws Exception {
        fuzz("search-service", system.search.baseUrl());
    }

    @Test
    void reuseTrackerAnswersEveryBadRequestWithAProblem() throws Exception {
        fuzz("reuse-tracker-service", system.reuse.baseUrl());
    }

    private void fuzz(String service, String baseUrl) throws Exception {
        ApiFuzzClient client = new ApiFuzzClient(baseUrl);
        ApiFuzzClient.Answer doc = client.send(new ApiFuzzRequests.Request("GET", "/q/openapi", "format=json",
                Map.of("Accept", "application/json"), null, "openapi"));
        assertThat(doc.status()).as("%s serves its OpenAPI document", service).isEqualTo(200);
        JsonNode openApi = JSON.readTree(doc.body());
        List<ApiFuzzRequests.Request> requests = new ApiFuzzRequests(openApi, new Random(SEED ^ service.hashCode()))
                .all();
        assertThat(requests).as("operations in %s's OpenAPI document", service).hasSizeGreaterThan(10);

        List<String> failures = new ArrayList<>();
        int sent = 0;
        for (ApiFuzzRequests.Request request : requests) {
            for (String key : new String[] {null, TestApiKeys.admin()}) {
                ApiFuzzRequests.Request r = key == null ? request : request.withHeader("X-API-Key", key);
                ApiFuzzClient.Answer answer = client.send(r);
                sent++;
                String problem = ApiFuzzClient.whatIsWrong(r, answer);
                if (problem != null) {
                    failures.add(r.describe() + (key == null ? "" : " [admin key]") + " → " + problem);
                }
            }
        }
        System.out.printf("api fuzz %s seed %d: %d requests over %d operations, %d bad answers%n", service, SEED, sent,
                openApiOperations(openApi), failures.size());
        assertThat(failures).as("%s: 5xx or non-problem 4xx answers (seed %d)", service, SEED).isEmpty();
    }

    private static int openApiOperations(JsonNode openApi) {
        int n = 0;
        for (JsonNode path : openApi.path("paths")) {
            n += path.size();
        }
        return n;
    }
}
