package org.bioimagecatalog.testsupport;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import org.bioimagecatalog.model.api.Problem;

/**
 * The checks every service's security test makes on its write endpoints: no key or an unknown key (in either
 * header) gives 401, a key of a role that may not call it gives 403, both as problem+json; the right key gets
 * past the role check. Keys come from {@link TestApiKeys}.
 */
public final class WriteEndpointSecurity {
    private WriteEndpointSecurity() {}

    public static RequestSpecification json(Object body) {
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
    public static void assertOnlyFor(Object body, String method, String path, String... wrongRoleKeys) {
        assertRefusedWithoutValidKey(json(body), method, path);
        assertRefusedWithoutValidKey(json(body).header("X-API-Key", TestApiKeys.unknown()), method, path);
        assertRefusedWithoutValidKey(json(body).header("Authorization", "Bearer " + TestApiKeys.unknown()), method, path);
        for (String key : wrongRoleKeys) {
            assertForbidden(json(body).header("X-API-Key", key), method, path);
            assertForbidden(json(body).header("Authorization", "Bearer " + key), method, path);
        }
    }

    /** The right key gets past the role check: the answer is the endpoint's own, neither 401 nor 403. */
    public static void assertAccepted(Object body, String method, String path, String key, int expectedStatus) {
        json(body).header("Authorization", "Bearer " + key).when().request(method, path).then()
                .statusCode(expectedStatus);
        json(body).header("X-API-Key", key).when().request(method, path).then()
                .statusCode(expectedStatus);
    }
}
