package org.bioimagecatalog.search;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;
import org.bioimagecatalog.testsupport.PrivatePostgres;
import org.bioimagecatalog.testsupport.PrivatePostgresProfile;
import org.bioimagecatalog.testsupport.TestApiKeys;
import org.junit.jupiter.api.Test;

/**
 * PostgreSQL really gone (a server of this test alone, stopped like a crash). Search reads Elasticsearch only, so
 * its queries keep answering; what needs PostgreSQL answers 503 problem+json with Retry-After. Never a 500.
 */
@QuarkusTest
@TestProfile(PrivatePostgresProfile.class)
class DatabaseOutageApiTest {

    PrivatePostgres postgres;

    @Test
    void whilePostgresqlIsDownSearchAnswersAndNothingAnswers500() {
        given().get("/api/v1/search?q=outage").then().statusCode(200);
        postgres.stop();
        try {
            given().get("/api/v1/search?q=outage").then().statusCode(200);
            given().get("/api/v1/search/suggest?prefix=out").then().statusCode(200);
            answersOrIsUnavailable(given().get("/api/v1/search/info"));
            answersOrIsUnavailable(given().get("/api/v1/search/similar/bic-outage-unknown"));
            answersOrIsUnavailable(given().header("X-API-Key", TestApiKeys.admin()).get("/api/v1/search/admin/reindex"));
        } finally {
            postgres.start();
        }
        given().get("/api/v1/search?q=outage").then().statusCode(200);
    }

    /** An answer of its own (below 500), or 503 problem+json with Retry-After: never a 500. */
    private static void answersOrIsUnavailable(Response response) {
        assertThat(response.statusCode()).as(response.asString()).isNotEqualTo(500).isLessThanOrEqualTo(503);
        if (response.statusCode() == 503) {
            assertThat(response.contentType()).startsWith("application/problem+json");
            assertThat(response.header("Retry-After")).isEqualTo("5");
        }
    }
}
