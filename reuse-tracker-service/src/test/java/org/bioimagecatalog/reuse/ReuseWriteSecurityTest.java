package org.bioimagecatalog.reuse;

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
class ReuseWriteSecurityTest {
    @Test
    void submittingACitationNeedsTheSubmitterRole() {
        Map<String, Object> body = Map.of("datasetId", "bic-sec-none", "relation", "REUSE",
                "publication", Map.of("doi", "10.1098/rspb.2015.1561"));
        assertOnlyFor(body, "POST", "/api/v1/citations", TestApiKeys.curator());
        // submitter and admin (which implies submitter) reach the endpoint: the dataset is unknown
        assertAccepted(body, "POST", "/api/v1/citations", TestApiKeys.submitter(), 404);
        assertAccepted(body, "POST", "/api/v1/citations", TestApiKeys.admin(), 404);
    }

    @Test
    void runningACollectorNeedsTheAdminRole() {
        assertOnlyFor(Map.of(), "POST", "/api/v1/reuse/collect/nope", TestApiKeys.curator(), TestApiKeys.submitter());
        assertAccepted(Map.of(), "POST", "/api/v1/reuse/collect/nope", TestApiKeys.admin(), 404);
    }

    @Test
    void readsArePublicEvenWithAnUnknownKey() {
        given().when().get("/api/v1/reuse/collect").then().statusCode(200);
        given().header("X-API-Key", TestApiKeys.unknown()).when().get("/api/v1/reuse/collect").then().statusCode(200);
    }
}
