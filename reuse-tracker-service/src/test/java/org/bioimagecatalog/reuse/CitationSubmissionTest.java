package org.bioimagecatalog.reuse;

import static io.restassured.RestAssured.given;
import static io.restassured.RestAssured.when;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.bioimagecatalog.model.Identifier;
import org.bioimagecatalog.model.events.ReuseSummary;
import org.bioimagecatalog.testsupport.StackTestResource;
import org.bioimagecatalog.testsupport.TestApiKeys;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** {@code POST /api/v1/citations} on the real stack: datasets arrive on datasets.v1, links are read back. */
@QuarkusTest
@QuarkusTestResource(StackTestResource.class)
class CitationSubmissionTest {
    private static final Duration KAFKA_WAIT = Duration.ofSeconds(60);
    private static TestKafka kafka;

    @BeforeAll
    static void connect() {
        kafka = new TestKafka();
    }

    @AfterAll
    static void disconnect() {
        kafka.close();
    }

    @Test
    void newReuseAnswers201WithLocationAndSubmittedEvidenceAndCountsAsReuse() {
        publishAndAwait(DatasetEvents.idr0001Like("bic-sub-new"));

        Response created = submit(Map.of("datasetId", "bic-sub-new", "relation", "REUSE", "howFound", "this-catalog",
                "publication", Map.of("doi", "https://doi.org/10.1038/S41592-021-01249-6", "pmid", "34239101",
                        "title", "Cellpose: a generalist algorithm", "journal", "Nature Methods", "year", 2021,
                        "authors", List.of(Map.of("name", "Stringer C"), Map.of("name", "Pachitariu M")))));

        assertThat(created.statusCode()).isEqualTo(201);
        JsonPath body = created.jsonPath();
        long id = body.getLong("id");
        assertThat(created.header("Location")).endsWith("/api/v1/citations/" + id);
        assertThat(body.getString("datasetId")).isEqualTo("bic-sub-new");
        assertThat(body.getMap("publication")).containsAllEntriesOf(Map.of("doi", "10.1038/s41592-021-01249-6",
                "pmid", "34239101", "title", "Cellpose: a generalist algorithm", "journal", "Nature Methods",
                "year", 2021, "authors", "Stringer C, Pachitariu M")).containsEntry("pmcid", null);
        assertThat(body.getString("relation")).isEqualTo("REUSE");
        assertThat(body.getBoolean("selfReuse")).isFalse();
        assertThat(body.getString("howFound")).isEqualTo("this-catalog");
        assertThat(body.getList("evidence.kind")).containsExactly("submitted");

        given().when().get(created.header("Location")).then().statusCode(200)
                .body("id", equalTo((int) id)).body("evidence.kind", contains("submitted"));
        JsonPath report = report("bic-sub-new");
        assertThat(report.getMap("counts")).isEqualTo(Map.of("citations", 2, "primary", 1, "reuses", 1, "selfReuses", 0));
        assertThat(report.getMap("byYear")).isEqualTo(Map.of("2014", 1, "2021", 1));
        assertThat(report.getString("citations[1].publication.doi")).isEqualTo("10.1038/s41592-021-01249-6");
        await().atMost(KAFKA_WAIT).pollInSameThread().untilAsserted(() -> assertThat(kafka.summariesOf("bic-sub-new"))
                .extracting(ReuseSummary::citations, ReuseSummary::reuses)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(1, 0), org.assertj.core.groups.Tuple.tuple(2, 1)));
    }

    @Test
    void submittingTheSamePairAgainAnswers200WithTheSameLinkAndOneSubmittedEvidence() {
        publishAndAwait(DatasetEvents.idr0001Like("bic-sub-twice"));
        Map<String, Object> submission = Map.of("datasetId", "bic-sub-twice", "relation", "REUSE",
                "publication", Map.of("pmid", "33318659", "year", 2020));

        Response first = submit(submission);
        Response second = submit(Map.of("datasetId", "bic-sub-twice", "relation", "REUSE",
                "publication", Map.of("pmid", "PMID:33318659")));

        assertThat(first.statusCode()).isEqualTo(201);
        assertThat(second.statusCode()).isEqualTo(200);
        assertThat(second.header("Location")).isNull();
        assertThat(second.jsonPath().getLong("id")).isEqualTo(first.jsonPath().getLong("id"));
        assertThat(second.jsonPath().getList("evidence.kind")).containsExactly("submitted");
        assertThat(report("bic-sub-twice").getInt("counts.citations")).isEqualTo(2);
    }

    @Test
    void identicalSubmissionsAtTheSameTimeMakeOneLinkAndOneEvidence() throws Exception {
        publishAndAwait(DatasetEvents.idr0001Like("bic-sub-race"));
        Map<String, Object> submission = Map.of("datasetId", "bic-sub-race", "relation", "REUSE",
                "publication", Map.of("doi", "10.5555/bic.race", "year", 2024));
        var pool = java.util.concurrent.Executors.newFixedThreadPool(4);
        try {
            var start = new java.util.concurrent.CountDownLatch(1);
            List<java.util.concurrent.Future<Response>> futures = new java.util.ArrayList<>();
            for (int i = 0; i < 4; i++) {
                futures.add(pool.submit(() -> {
                    start.await();
                    return submitting(submission);
                }));
            }
            start.countDown();
            List<Integer> statuses = new java.util.ArrayList<>();
            java.util.Set<Long> ids = new java.util.HashSet<>();
            for (var future : futures) {
                Response response = future.get(60, java.util.concurrent.TimeUnit.SECONDS);
                statuses.add(response.statusCode());
                ids.add(response.jsonPath().getLong("id"));
            }
            assertThat(statuses).containsOnly(200, 201).filteredOn(s -> s == 201).hasSize(1);
            assertThat(ids).hasSize(1);
        } finally {
            pool.shutdownNow();
        }
        JsonPath report = report("bic-sub-race");
        assertThat(report.getInt("counts.reuses")).isEqualTo(1);
        assertThat(report.getList("citations[1].evidence.kind")).containsExactly("submitted");
    }

    @Test
    void submittingTheDatasetsPrimaryPaperAddsEvidenceToThePrimaryLinkWithoutDemotingIt() {
        publishAndAwait(DatasetEvents.idr0001Like("bic-sub-primary"));

        Response response = submit(Map.of("datasetId", "bic-sub-primary", "relation", "REUSE",
                "publication", Map.of("doi", "10.1016/j.devcel.2014.09.005")));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.jsonPath().getString("relation")).isEqualTo("PRIMARY");
        assertThat(response.jsonPath().getList("evidence.kind")).containsExactly("harvested-primary", "submitted");
        assertThat(report("bic-sub-primary").getMap("counts"))
                .isEqualTo(Map.of("citations", 1, "primary", 1, "reuses", 0, "selfReuses", 0));
    }

    @Test
    void aWorkByTheProducerFoundByOrcidIsSelfReuse() {
        publishAndAwait(DatasetEvents.idr0001Like("bic-sub-self-orcid"));

        Response response = submit(Map.of("datasetId", "bic-sub-self-orcid", "relation", "REUSE",
                "publication", Map.of("doi", "10.5555/bic.self.orcid", "year", 2019, "authors", List.of(
                        Map.of("name", "Someone Else"), Map.of("name", "V. Graml-Other", "orcid",
                                "https://orcid.org/0000-0002-1825-0097")))));

        assertThat(response.statusCode()).isEqualTo(201);
        assertThat(response.jsonPath().getBoolean("selfReuse")).isTrue();
        assertThat(report("bic-sub-self-orcid").getMap("counts"))
                .isEqualTo(Map.of("citations", 2, "primary", 1, "reuses", 0, "selfReuses", 1));
    }

    @Test
    void aWorkByTheProducerFoundByNormalisedNameIsSelfReuse() {
        publishAndAwait(DatasetEvents.withIdentifiers("bic-sub-self-name",
                List.of(Identifier.of(Identifier.DOI, "10.17867/10000101")),
                DatasetEvents.creator("Jean-Karim Hériché", null)));

        Response self = submit(Map.of("datasetId", "bic-sub-self-name", "relation", "REUSE",
                "publication", Map.of("doi", "10.5555/bic.self.name", "authors", List.of(Map.of("name", "Heriche, J.-K.")))));
        Response other = submit(Map.of("datasetId", "bic-sub-self-name", "relation", "REUSE",
                "publication", Map.of("doi", "10.5555/bic.other.name", "authors", List.of(Map.of("name", "Heriche P")))));

        assertThat(self.jsonPath().getBoolean("selfReuse")).isTrue();
        assertThat(other.jsonPath().getBoolean("selfReuse")).isFalse();
        assertThat(report("bic-sub-self-name").getMap("counts"))
                .isEqualTo(Map.of("citations", 2, "primary", 0, "reuses", 1, "selfReuses", 1));
    }

    @Test
    void malformedIdentifiersAnswer400WithOneErrorPerField() {
        publishAndAwait(DatasetEvents.idr0001Like("bic-sub-bad-ids"));

        submitting(Map.of("datasetId", "bic-sub-bad-ids", "relation", "REUSE", "publication", Map.of(
                "doi", "11.1234/not-a-doi", "pmid", "12ab", "pmcid", "PMCX1",
                "authors", List.of(Map.of("name", "Graml V", "orcid", "0000-0002-1825-0098")))))
                .then().statusCode(400).contentType("application/problem+json")
                .body("type", equalTo("https://bioimagecatalog.org/problems/invalid-request"))
                .body("errors.field", containsInAnyOrder("publication.doi", "publication.pmid", "publication.pmcid",
                        "publication.authors[0].orcid"));
        assertThat(report("bic-sub-bad-ids").getInt("counts.citations")).isEqualTo(1);
    }

    @Test
    void missingAndUnknownValuesAnswer400WithFieldErrors() {
        submitting(Map.of("relation", "CITES", "howFound", "a-dream", "publication",
                Map.of("title", "No ids", "authors", List.of(Map.of("orcid", "0000-0002-1825-0097")))))
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", containsInAnyOrder("datasetId", "relation", "howFound", "publication.authors[0].name"));
        submitting(Map.of("datasetId", "idr0001", "relation", "REUSE", "publication", Map.of("title", "No ids")))
                .then().statusCode(400).body("errors.field", contains("publication"))
                .body("errors[0].message", equalTo("needs at least one of doi, pmid, pmcid"));
        given().header("X-API-Key", TestApiKeys.submitter()).contentType(ContentType.JSON).body("{not json").when().post("/api/v1/citations")
                .then().statusCode(400).contentType("application/problem+json");
    }

    @Test
    void unknownDatasetAnswers404() {
        submitting(Map.of("datasetId", "bic-sub-never-seen", "relation", "REUSE", "publication", Map.of("pmid", "1")))
                .then().statusCode(404).contentType("application/problem+json")
                .body("detail", equalTo("no dataset bic-sub-never-seen is known to the reuse tracker"));
        when().get("/api/v1/citations/999999999").then().statusCode(404).contentType("application/problem+json");
    }

    // --- helpers ---

    private static Response submitting(Map<String, ?> body) {
        return given().header("X-API-Key", TestApiKeys.submitter()).contentType(ContentType.JSON).body(body).when().post("/api/v1/citations");
    }

    private static Response submit(Map<String, ?> body) {
        Response response = submitting(body);
        response.then().contentType("application/json");
        return response;
    }

    private static void publishAndAwait(org.bioimagecatalog.model.events.DatasetChanged event) {
        kafka.publish(event);
        await().atMost(KAFKA_WAIT).until(() -> when().get("/api/v1/reuse/datasets/{id}", event.datasetId())
                .statusCode() == 200);
    }

    private static JsonPath report(String datasetId) {
        return when().get("/api/v1/reuse/datasets/{id}", datasetId).then().statusCode(200).extract().jsonPath();
    }
}
