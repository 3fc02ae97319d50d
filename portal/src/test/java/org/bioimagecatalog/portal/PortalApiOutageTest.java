package org.bioimagecatalog.portal;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The read pages while the public API is away ({@link StoppedApi}: connections refused, or 503): a page of the site's
 * own layout saying so in words, 503 with {@code Retry-After}, never the generic 500 and never a stack trace.
 */
@QuarkusTest
@QuarkusTestResource(value = StoppedApi.class, restrictToAnnotatedClass = true)
class PortalApiOutageTest {
    private static final String NOT_ANSWERING = "The catalog&#39;s API is not answering; try again in a minute.";

    @Test
    void readPagesWhoseApiRefusesConnectionsAnswer503WithRetryAfter() {
        for (String path : List.of("/datasets/bic-0a1b2c3d4e5f", "/datasets/idr0001", "/producers/0000-0002-1825-0097",
                "/sources/idr", "/collections", "/collections/datathon-2026", "/wanted", "/sitemap.xml")) {
            String html = unavailable(path, "60");
            assertThat(html).as(path).contains("<h1>The catalog is not answering</h1>").contains(NOT_ANSWERING);
        }
    }

    @Test
    void aServiceAnswering5xxIsShownAs503WithItsOwnRetryAfter() {
        String feed = unavailable("/search.atom?q=yeast", StoppedApi.SEARCH_RETRY_AFTER);
        assertThat(feed).contains("The catalog&#39;s API is not answering properly (it answered HTTP 503); try again in a minute.");
        // the search page keeps its form, to try again from
        String search = unavailable("/search?q=yeast", StoppedApi.SEARCH_RETRY_AFTER);
        assertThat(search).contains("answered HTTP 503").contains("name=\"q\"").contains("value=\"yeast\"");
    }

    @Test
    void homeAndDashboardSayWhatIsMissing() {
        // nothing answers the home page: its search box, and what is missing
        String home = unavailable("/", "60");
        assertThat(home).contains("role=\"search\"").contains("Part of this page is missing. " + NOT_ANSWERING)
                .contains("Not shown: the catalog's API did not answer.").doesNotContain("No archive harvested yet");
        String dashboard = unavailable("/sources", "60");
        assertThat(dashboard).contains("Not shown: what the catalog holds per archive and the harvest runs. " + NOT_ANSWERING);
    }

    @Test
    void aFormSentWhileTheApiIsAwayAnswers503() {
        Response response = given().cookie("bic_api_key", RecordedApi.SUBMITTER_KEY).formParam("datasetId", "bic-0a1b2c3d4e5f")
                .post("/collections/datathon-2026/datasets");
        assertThat(response.statusCode()).isEqualTo(503);
        assertThat(response.header("Retry-After")).isEqualTo("60");
        // the form page itself reads the collection from the API that is away: the status page says it
        assertThat(response.asString()).contains(NOT_ANSWERING).doesNotContain("Exception");
    }

    /** GETs the path and checks the answer is the site's 503 page: layout, Retry-After, no stack trace. */
    private static String unavailable(String path, String retryAfter) {
        Response response = given().get(path);
        assertThat(response.statusCode()).as(path).isEqualTo(503);
        assertThat(response.header("Retry-After")).as(path).isEqualTo(retryAfter);
        assertThat(response.contentType()).as(path).startsWith("text/html");
        String html = response.asString();
        assertThat(html).as(path).contains("<main id=\"main\"").contains("<a class=\"skip\" href=\"#main\">")
                .doesNotContain("Exception").doesNotContain("at org.").doesNotContain("Internal Server Error");
        return html;
    }
}
