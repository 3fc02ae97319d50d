package org.bioimagecatalog.catalog;

import static io.restassured.RestAssured.given;
import static org.bioimagecatalog.testsupport.DatabaseUnavailableAnswer.assertUnavailable;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import java.util.List;
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
        given().get("/api/v1/datasets/bic-outage-unknown").then().statusCode(404);
        postgres.stop();
        try {
            assertUnavailable(given().get("/api/v1/datasets?limit=5"));
            assertUnavailable(given().get("/api/v1/datasets/bic-outage-unknown"));
            assertUnavailable(given().get("/api/v1/datasets/bic-outage-unknown/history"));
            assertUnavailable(given().get("/api/v1/sources"));
            assertUnavailable(given().get("/api/v1/collections"));
            assertUnavailable(given().get("/api/v1/wanted"));
            assertUnavailable(given().header("X-API-Key", TestApiKeys.curator()).contentType(ContentType.JSON)
                    .body(Map.of("title", "Written while the database is down")).post("/api/v1/collections"));
            assertUnavailable(given().header("X-API-Key", TestApiKeys.submitter()).contentType(ContentType.JSON)
                    .body(Map.of("kind", "dataset", "title", "Wanted while the database is down")).post("/api/v1/wanted"));
            assertUnavailable(given().get("/oai?verb=ListRecords&metadataPrefix=oai_dc"));
        } finally {
            postgres.start();
        }
        given().get("/api/v1/datasets/bic-outage-unknown").then().statusCode(404);
        given().get("/api/v1/datasets?limit=5").then().statusCode(200);
    }

}
