package org.bioimagecatalog.reuse;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.util.List;
import java.util.Map;
import org.bioimagecatalog.testsupport.PrivatePostgres;
import org.bioimagecatalog.testsupport.PrivatePostgresTestResource;
import org.bioimagecatalog.testsupport.TestApiKeys;
import org.junit.jupiter.api.Test;

/**
 * PostgreSQL really gone (a server of this test alone, stopped like a crash): reads and writes answer 503
 * problem+json with Retry-After, never 500; once it is back they answer as before.
 */
@QuarkusTest
@TestProfile(DatabaseOutageApiTest.PrivateDatabase.class)
class DatabaseOutageApiTest {

    public static class PrivateDatabase implements QuarkusTestProfile {
        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(PrivatePostgresTestResource.class));
        }

        @Override
        public boolean disableGlobalTestResources() {
            return true;
        }
    }

    PrivatePostgres postgres;

    @Test
    void whilePostgresqlIsDownReadsAndWritesAnswer503WithRetryAfter() {
        given().get("/api/v1/reuse/datasets/bic-outage-unknown").then().statusCode(404);
        postgres.stop();
        try {
            unavailable(given().get("/api/v1/reuse/datasets/bic-outage-unknown"));
            unavailable(given().get("/api/v1/reuse/datasets/bic-outage-unknown/citations.csv"));
            unavailable(given().get("/api/v1/reuse/producers/0000-0002-1825-0097"));
            unavailable(given().get("/api/v1/reuse/repositories/idr"));
            unavailable(given().get("/api/v1/citations/1"));
            unavailable(given().header("X-API-Key", TestApiKeys.submitter()).contentType(ContentType.JSON)
                    .body(Map.of("datasetId", "bic-outage-unknown", "relation", "REUSE",
                            "publication", Map.of("doi", "10.1038/s41592-021-01249-6")))
                    .post("/api/v1/citations"));
        } finally {
            postgres.start();
        }
        given().get("/api/v1/reuse/datasets/bic-outage-unknown").then().statusCode(404);
    }

    private static void unavailable(Response response) {
        response.then().statusCode(503)
                .contentType("application/problem+json")
                .header("Retry-After", "5")
                .body("type", equalTo("https://bioimagecatalog.org/problems/unavailable"))
                .body("detail", startsWith("PostgreSQL cannot be reached"));
    }
}
