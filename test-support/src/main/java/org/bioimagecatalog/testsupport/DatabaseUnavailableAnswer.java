package org.bioimagecatalog.testsupport;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import io.restassured.response.Response;

/** What every service answers while its PostgreSQL cannot be reached: 503 problem+json with Retry-After. */
public final class DatabaseUnavailableAnswer {
    private DatabaseUnavailableAnswer() {
    }

    public static void assertUnavailable(Response response) {
        response.then().statusCode(503)
                .contentType("application/problem+json")
                .header("Retry-After", "5")
                .body("type", equalTo("https://bioimagecatalog.org/problems/unavailable"))
                .body("status", equalTo(503))
                .body("detail", startsWith("PostgreSQL cannot be reached"));
    }
}
