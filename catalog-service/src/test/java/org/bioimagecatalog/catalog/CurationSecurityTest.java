package org.bioimagecatalog.catalog;

import static io.restassured.RestAssured.given;
import static org.bioimagecatalog.testsupport.WriteEndpointSecurity.assertAccepted;
import static org.bioimagecatalog.testsupport.WriteEndpointSecurity.assertOnlyFor;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.util.Map;
import org.bioimagecatalog.testsupport.StackTestResource;
import org.bioimagecatalog.testsupport.TestApiKeys;
import org.junit.jupiter.api.Test;

/**
 * Every write endpoint of this service refuses a call without a key, with an unknown key (401) and with a key
 * of the wrong role (403), always with a problem+json body, and lets the right role through. Reads stay public.
 */
@QuarkusTest
@QuarkusTestResource(StackTestResource.class)
class CurationSecurityTest {
    private static final String UNKNOWN = "bic-000000000000";

    @Test
    void splittingAndJoiningNeedTheCuratorRole() {
        String split = "/api/v1/datasets/" + UNKNOWN + "/split";
        String join = "/api/v1/datasets/" + UNKNOWN + "/join";
        Map<String, String> splitBody = Map.of("sourceKey", "idr:idr0001");
        Map<String, String> joinBody = Map.of("otherId", "bic-111111111111");
        assertOnlyFor(splitBody, "POST", split, TestApiKeys.submitter());
        assertOnlyFor(joinBody, "POST", join, TestApiKeys.submitter());
        // curator and admin (which implies curator) get through to the endpoint: no such dataset
        assertAccepted(splitBody, "POST", split, TestApiKeys.curator(), 404);
        assertAccepted(splitBody, "POST", split, TestApiKeys.admin(), 404);
        assertAccepted(joinBody, "POST", join, TestApiKeys.curator(), 404);
        assertAccepted(joinBody, "POST", join, TestApiKeys.admin(), 404);
    }

    @Test
    void readsArePublicEvenWithAnUnknownKey() {
        given().when().get("/api/v1/datasets").then().statusCode(200);
        given().header("Authorization", "Bearer " + TestApiKeys.unknown()).when().get("/api/v1/sources").then().statusCode(200);
    }
}
