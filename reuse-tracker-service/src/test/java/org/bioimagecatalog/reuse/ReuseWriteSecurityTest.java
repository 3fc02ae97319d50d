package org.bioimagecatalog.reuse;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import java.util.Map;
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

    private static RequestSpecification json(Object body) {
        return given().contentType(ContentType.JSON).body(body);
    }

    private static void assertRefusedWithoutValidKey(RequestSpecification request, String method, String path) {
        request.when().request(method, path).then()
                .statusCode(401).contentType(Problem.MEDIA_TYPE)
                .header("WWW-Authenticate", "Bearer")
                .body("type", equalTo(Problem.TYPE_BASE + "unauthorized"))
                .body("status", equalTo(401))
                .body("instance", equalTo(path.replaceAll("\\?.*", "")));
    }

    private static void assertForbidden(RequestSpecification request, String method, String path) {
        request.when().request(method, path).then()
                .statusCode(403).contentType(Problem.MEDIA_TYPE)
                .body("type", equalTo(Problem.TYPE_BASE + "forbidden"))
                .body("status", equalTo(403));
    }

    /** No key, an unknown key (in either header), and each role that may not call it. */
    private static void assertOnlyFor(Object body, String method, String path, String... wrongRoleKeys) {
        assertRefusedWithoutValidKey(json(body), method, path);
        assertRefusedWithoutValidKey(json(body).header("X-API-Key", TestApiKeys.unknown()), method, path);
        assertRefusedWithoutValidKey(json(body).header("Authorization", "Bearer " + TestApiKeys.unknown()), method, path);
        for (String key : wrongRoleKeys) {
            assertForbidden(json(body).header("X-API-Key", key), method, path);
            assertForbidden(json(body).header("Authorization", "Bearer " + key), method, path);
        }
    }

    /** The right key gets past the role check: the answer is the endpoint's own, neither 401 nor 403. */
    private static void assertAccepted(Object body, String method, String path, String key, int expectedStatus) {
        json(body).header("Authorization", "Bearer " + key).when().request(method, path).then()
                .statusCode(expectedStatus);
        json(body).header("X-API-Key", key).when().request(method, path).then()
                .statusCode(expectedStatus);
    }
}
