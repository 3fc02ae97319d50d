package org.bioimagecatalog.catalog;

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
        given().get("/api/v1/datasets/bic-outage-unknown").then().statusCode(404);
        postgres.stop();
        try {
            unavailable(given().get("/api/v1/datasets?limit=5"));
            unavailable(given().get("/api/v1/datasets/bic-outage-unknown"));
            unavailable(given().get("/api/v1/datasets/bic-outage-unknown/history"));
            unavailable(given().get("/api/v1/sources"));
            unavailable(given().get("/api/v1/collections"));
            unavailable(given().get("/api/v1/wanted"));
            unavailable(given().header("X-API-Key", TestApiKeys.curator()).contentType(ContentType.JSON)
                    .body(Map.of("title", "Written while the database is down")).post("/api/v1/collections"));
            unavailable(given().header("X-API-Key", TestApiKeys.submitter()).contentType(ContentType.JSON)
                    .body(Map.of("kind", "dataset", "title", "Wanted while the database is down")).post("/api/v1/wanted"));
            unavailable(given().get("/oai?verb=ListRecords&metadataPrefix=oai_dc"));
        } finally {
            postgres.start();
        }
        given().get("/api/v1/datasets/bic-outage-unknown").then().statusCode(404);
        given().get("/api/v1/datasets?limit=5").then().statusCode(200);
    }

    private static void unavailable(Response response) {
        response.then().statusCode(503)
                .contentType("application/problem+json")
                .header("Retry-After", "5")
                .body("type", equalTo("https://bioimagecatalog.org/problems/unavailable"))
                .body("detail", startsWith("PostgreSQL cannot be reached"));
    }
}
