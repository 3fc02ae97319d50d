package org.bioimagecatalog.harvester.api;

import static io.restassured.RestAssured.given;
import static org.bioimagecatalog.testsupport.WriteEndpointSecurity.assertAccepted;
import static org.bioimagecatalog.testsupport.WriteEndpointSecurity.assertOnlyFor;
import static org.bioimagecatalog.testsupport.WriteEndpointSecurity.json;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.util.Map;
import java.util.UUID;
import org.bioimagecatalog.model.api.Problem;
import org.bioimagecatalog.testsupport.StackTestResource;
import org.bioimagecatalog.testsupport.TestApiKeys;
import org.junit.jupiter.api.Test;

/**
 * Every write endpoint of this service refuses a call without a key, with an unknown key (401) and with a key
 * of the wrong role (403), always with a problem+json body, and lets the right role through. Reads stay public.
 */
@QuarkusTest
@QuarkusTestResource(StackTestResource.class)
class HarvestApiSecurityTest {
    private static final String RUNS = "/api/v1/harvest/runs";

    @Test
    void startingARunNeedsTheAdminRole() {
        Map<String, String> body = Map.of("source", "nosuch", "location", "/tmp");
        assertOnlyFor(body, "POST", RUNS, TestApiKeys.curator(), TestApiKeys.submitter());
        // an admin key passes the role check; the unknown source is then refused by the endpoint itself
        json(body).header("X-API-Key", TestApiKeys.admin()).when().post(RUNS).then()
                .statusCode(400).contentType(Problem.MEDIA_TYPE).body("type", not(equalTo(Problem.TYPE_BASE + "unauthorized")));
        assertAccepted(body, "POST", RUNS, TestApiKeys.admin(), 400);
    }

    @Test
    void resumingARunNeedsTheAdminRole() {
        String path = RUNS + "/" + UUID.randomUUID() + "/resume";
        assertOnlyFor(Map.of(), "POST", path, TestApiKeys.curator(), TestApiKeys.submitter());
        // an admin key passes the role check; no run has this id
        assertAccepted(Map.of(), "POST", path, TestApiKeys.admin(), 404);
    }

    /** The gateway's key check (service-security, every service): the limiter a request counts against. */
    @Test
    void theGatewaysKeyCheckNamesTheLimiterOfTheKeysRoleAndRefusesAKeyItDoesNotKnow() {
        given().get("/internal/key-check").then().statusCode(204)
                .header("X-Accel-Redirect", "/_bic/limit/anonymous");
        given().header("X-API-Key", TestApiKeys.submitter()).get("/internal/key-check").then().statusCode(204)
                .header("X-Accel-Redirect", matchesPattern("/_bic/limit/submitter/[0-9a-f]{16}"));
        given().header("Authorization", "Bearer " + TestApiKeys.admin()).get("/internal/key-check").then()
                .statusCode(204).header("X-Accel-Redirect", matchesPattern("/_bic/limit/admin/[0-9a-f]{16}"));
        // the gateway counts a refused key as anonymous
        given().header("X-API-Key", TestApiKeys.unknown()).get("/internal/key-check").then().statusCode(401);
    }

    @Test
    void readsArePublicEvenWithAnUnknownKey() {
        given().when().get(RUNS).then().statusCode(200);
        given().header("X-API-Key", TestApiKeys.unknown()).when().get("/api/v1/harvest/sources").then().statusCode(200);
    }
}
