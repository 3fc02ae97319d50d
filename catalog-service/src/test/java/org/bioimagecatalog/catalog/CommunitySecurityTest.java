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
 * Every write endpoint of collections (curator) and the wanted boards (submitter; status also curator): 401
 * without a valid key, 403 with a key of another role, the endpoint's own answer with the right one. Reads are
 * public.
 */
@QuarkusTest
@QuarkusTestResource(StackTestResource.class)
class CommunitySecurityTest {
    private static final String NO_COLLECTION = "/api/v1/collections/col-000000000000";
    private static final String NO_REQUEST = "/api/v1/wanted/999999999";

    @Test
    void collectionWritesNeedTheCuratorRole() {
        Map<String, Object> details = Map.of("title", "Security check");
        Map<String, Object> item = Map.of("datasetId", "bic-000000000000");
        assertOnlyFor(details, "POST", "/api/v1/collections", TestApiKeys.submitter());
        assertOnlyFor(details, "PUT", NO_COLLECTION, TestApiKeys.submitter());
        assertOnlyFor(item, "POST", NO_COLLECTION + "/datasets", TestApiKeys.submitter());
        assertOnlyFor("", "DELETE", NO_COLLECTION + "/datasets/bic-000000000000", TestApiKeys.submitter());
        assertOnlyFor("", "DELETE", NO_COLLECTION, TestApiKeys.submitter());

        assertAccepted(details, "PUT", NO_COLLECTION, TestApiKeys.curator(), 404);
        assertAccepted(item, "POST", NO_COLLECTION + "/datasets", TestApiKeys.admin(), 404);
        assertAccepted("", "DELETE", NO_COLLECTION + "/datasets/bic-000000000000", TestApiKeys.curator(), 404);
        assertAccepted("", "DELETE", NO_COLLECTION, TestApiKeys.curator(), 404);
        assertAccepted(Map.of(), "POST", "/api/v1/collections", TestApiKeys.curator(), 400);
    }

    @Test
    void wantedWritesNeedTheSubmitterRole() {
        Map<String, Object> post = Map.of("kind", "dataset", "title", "Security check");
        Map<String, Object> status = Map.of("status", "in_progress");
        assertOnlyFor(post, "POST", "/api/v1/wanted", TestApiKeys.curator());
        assertOnlyFor("", "PUT", NO_REQUEST + "/vote", TestApiKeys.curator());
        assertOnlyFor("", "DELETE", NO_REQUEST + "/vote", TestApiKeys.curator());
        // a status change takes a submitter (the requester) or a curator: there is no third role to refuse
        assertOnlyFor(status, "POST", NO_REQUEST + "/status");

        assertAccepted(Map.of(), "POST", "/api/v1/wanted", TestApiKeys.submitter(), 400);
        assertAccepted("", "PUT", NO_REQUEST + "/vote", TestApiKeys.submitter(), 404);
        assertAccepted("", "DELETE", NO_REQUEST + "/vote", TestApiKeys.admin(), 404);
        assertAccepted(status, "POST", NO_REQUEST + "/status", TestApiKeys.submitter(), 404);
        assertAccepted(status, "POST", NO_REQUEST + "/status", TestApiKeys.curator(), 404);
    }

    @Test
    void readsArePublic() {
        given().get("/api/v1/collections").then().statusCode(200);
        given().header("X-API-Key", TestApiKeys.unknown()).get("/api/v1/wanted").then().statusCode(200);
    }
}
