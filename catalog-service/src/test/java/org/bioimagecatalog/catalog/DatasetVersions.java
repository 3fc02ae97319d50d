package org.bioimagecatalog.catalog;

import static io.restassured.RestAssured.given;

import java.time.Duration;
import org.awaitility.Awaitility;

/** Waits, through the API, for the consumer to have applied what a test published. */
final class DatasetVersions {
    private DatasetVersions() {}

    /** Until the dataset is live at exactly this version (30 s at most). */
    static void await(String id, int version) {
        Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100))
                .until(() -> {
                    var response = given().get("/api/v1/datasets/{id}", id);
                    return response.statusCode() == 200 && response.jsonPath().getInt("version") == version;
                });
    }
}
