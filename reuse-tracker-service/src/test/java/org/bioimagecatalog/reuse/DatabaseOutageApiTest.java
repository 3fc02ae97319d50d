package org.bioimagecatalog.reuse;

import static io.restassured.RestAssured.given;
import static org.bioimagecatalog.testsupport.DatabaseUnavailableAnswer.assertUnavailable;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import java.util.Map;
import org.bioimagecatalog.testsupport.PrivatePostgres;
import org.bioimagecatalog.testsupport.PrivatePostgresProfile;
import org.bioimagecatalog.testsupport.TestApiKeys;
import org.junit.jupiter.api.Test;

/**
 * PostgreSQL really gone (a server of this test alone, stopped like a crash): reads and writes answer 503
 * problem+json with Retry-After, never 500; once it is back they answer as before.
 */
@QuarkusTest
@TestProfile(PrivatePostgresProfile.class)
class DatabaseOutageApiTest {

    PrivatePostgres postgres;

    @Test
    void whilePostgresqlIsDownReadsAndWritesAnswer503WithRetryAfter() {
        given().get("/api/v1/reuse/datasets/bic-outage-unknown").then().statusCode(404);
        postgres.stop();
        try {
            assertUnavailable(given().get("/api/v1/reuse/datasets/bic-outage-unknown"));
            assertUnavailable(given().get("/api/v1/reuse/datasets/bic-outage-unknown/citations.csv"));
            assertUnavailable(given().get("/api/v1/reuse/producers/0000-0002-1825-0097"));
            assertUnavailable(given().get("/api/v1/reuse/repositories/idr"));
            assertUnavailable(given().get("/api/v1/citations/1"));
            assertUnavailable(given().header("X-API-Key", TestApiKeys.submitter()).contentType(ContentType.JSON)
                    .body(Map.of("datasetId", "bic-outage-unknown", "relation", "REUSE",
                            "publication", Map.of("doi", "10.1038/s41592-021-01249-6")))
                    .post("/api/v1/citations"));
        } finally {
            postgres.start();
        }
        given().get("/api/v1/reuse/datasets/bic-outage-unknown").then().statusCode(404);
    }

}
