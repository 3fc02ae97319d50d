package org.bioimagecatalog.reuse;

import static io.restassured.RestAssured.when;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.bioimagecatalog.testsupport.StackTestResource;
import org.junit.jupiter.api.Test;

/** The operational surface every service offers: readiness on the real engines, OpenAPI, metrics. */
@QuarkusTest
@QuarkusTestResource(StackTestResource.class)
class ServiceSurfaceTest {

    @Test
    void readinessReportsTheDatabaseAndKafkaUp() {
        when().get("/q/health/ready").then()
                .statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.name", hasItems("Database connections health check", "Kafka connection health check"));
    }

    @Test
    void openApiDocumentsTheDatasetReportWithItsErrors() {
        when().get("/q/openapi?format=json").then()
                .statusCode(200)
                .body("info.title", equalTo("BioImage Catalog reuse tracker API"))
                .body("paths.'/api/v1/reuse/datasets/{id}'.get.summary", equalTo("Reuse report of one dataset"))
                .body("paths.'/api/v1/reuse/datasets/{id}'.get.responses.keySet()", hasItems("200", "400", "404"))
                .body("paths.'/api/v1/reuse/datasets/{id}'.get.tags", hasItems("Reuse"))
                .body("paths.'/api/v1/citations'.post.responses.keySet()", hasItems("200", "201", "400", "404"))
                .body("paths.'/api/v1/reuse/producers/{orcid}'.get.summary", equalTo("Reuse report of one producer"))
                .body("paths.'/api/v1/reuse/repositories/{source}'.get.summary", equalTo("Reuse report of one archive"))
                .body("paths.'/api/v1/reuse/collect/{collector}'.post.responses.keySet()", hasItems("200", "404", "409", "502"))
                .body("paths.'/api/v1/reuse/datasets/{id}/citations.csv'.get.responses.'200'.content.keySet()",
                        hasItems("text/csv"));
    }

    @Test
    void metricsExposeTheDomainCounters() {
        when().get("/q/metrics").then()
                .statusCode(200)
                .body(containsString("bic_reuse_summaries_published_total"))
                .body(containsString("bic_reuse_publications_merged_total"));
    }
}
