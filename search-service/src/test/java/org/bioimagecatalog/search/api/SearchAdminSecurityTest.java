package org.bioimagecatalog.search.api;

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
class SearchAdminSecurityTest {
    private static final String REINDEX = "/api/v1/search/admin/reindex";

    @Test
    void reindexingAndItsStatusNeedTheAdminRole() {
        assertOnlyFor(Map.of(), "POST", REINDEX, TestApiKeys.curator(), TestApiKeys.submitter());
        assertOnlyFor(Map.of(), "GET", REINDEX, TestApiKeys.curator(), TestApiKeys.submitter());
        // starting one for real is DatasetIndexingTest's job (with an admin key); here the admin reads its state
        assertAccepted(Map.of(), "GET", REINDEX, TestApiKeys.admin(), 200);
    }

    @Test
    void readsArePublicEvenWithAnUnknownKey() {
        // reads that do not depend on the index being there: the test classes create and delete indices
        given().when().get("/opensearch.xml").then().statusCode(200);
        given().header("X-API-Key", TestApiKeys.unknown()).when().get("/opensearch.xml").then().statusCode(200);
        given().header("Authorization", "Bearer " + TestApiKeys.unknown()).when().get("/widget/bioimage-search.js")
                .then().statusCode(200);
    }
}
