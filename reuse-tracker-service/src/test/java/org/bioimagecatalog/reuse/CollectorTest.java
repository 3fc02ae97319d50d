package org.bioimagecatalog.reuse;

import static io.restassured.RestAssured.given;
import static io.restassured.RestAssured.when;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.bioimagecatalog.model.Identifier;
import org.bioimagecatalog.model.events.DatasetChanged;
import org.bioimagecatalog.model.events.ReuseSummary;
import org.bioimagecatalog.testsupport.StackTestResource;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The collectors against the recorded Crossref and ScholeXplorer responses in ../shared/fixtures, served over
 * loopback HTTP, for datasets whose DOIs appear in those recordings.
 */
@QuarkusTest
@QuarkusTestResource(StackTestResource.class)
@QuarkusTestResource(CollectorFixturesResource.class)
class CollectorTest {
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
    void crossrefDataCitationsOfTrackedDoisBecomeReuseLinksAndTheCheckpointMovesOnlyOnSuccess() {
        publishAndAwait(withDoi("bic-col-zenodo", "10.5281/zenodo.3261807"));
        publishAndAwait(withDoi("bic-col-usda", "https://doi.org/10.15482/USDA.ADC/1264344"));

        JsonPath run = when().post("/api/v1/reuse/collect/crossref").then().statusCode(200)
                .contentType("application/json").extract().jsonPath();

        assertThat(run.getString("collector")).isEqualTo("crossref");
        assertThat(run.getString("outcome")).isEqualTo("completed");
        assertThat(run.getString("checkpointBefore")).isNull();
        assertThat(run.getString("checkpointAfter")).isEqualTo("2023-01-02");
        assertThat(run.getInt("recordsSeen")).isEqualTo(249);
        assertThat(run.getInt("candidatesMatched")).isEqualTo(6);
        assertThat(run.getInt("linksCreated")).isEqualTo(6);
        assertThat(run.getInt("evidenceAdded")).isEqualTo(6);
        // page 3 first answered 429 + Retry-After: the collector waited and asked again, once
        assertThat(replayHits("page=3")).isEqualTo(2);

        JsonPath zenodo = report("bic-col-zenodo");
        assertThat(zenodo.getMap("counts")).isEqualTo(Map.of("citations", 3, "primary", 0, "reuses", 3, "selfReuses", 0));
        assertThat(zenodo.getList("citations.publication.doi", String.class)).containsExactlyInAnyOrder(
                "10.1007/978-3-031-20225-4_11", "10.1007/978-3-031-20225-4_4", "10.1007/978-3-031-20225-4_5");
        assertThat(zenodo.getList("citations.relation", String.class)).containsOnly("REUSE");
        assertThat(zenodo.getList("citations.evidence.kind")).containsOnly(List.of("crossref-reference"));
        assertThat(zenodo.getList("citations.evidence[0].detail", String.class)).contains(
                "Crossref data citation: 10.1007/978-3-031-20225-4_11 references 10.5281/zenodo.3261807 "
                        + "(book-chapter, recorded 2023-01-01T15:02:39Z)");
        assertThat(report("bic-col-usda").getList("citations.publication.doi", String.class)).containsExactlyInAnyOrder(
                "10.1007/978-3-031-09023-3_3", "10.1007/978-3-031-09023-3_5", "10.1007/978-3-031-09023-3_7");
        await().atMost(KAFKA_WAIT).pollInSameThread().untilAsserted(() -> assertThat(kafka.summariesOf("bic-col-zenodo"))
                .extracting(ReuseSummary::reuses).containsExactly(3));

        // the next day was not recorded: the run fails with 502 and the checkpoint stays where it was
        when().post("/api/v1/reuse/collect/crossref").then().statusCode(502).contentType("application/problem+json")
                .body("type", equalTo("https://bioimagecatalog.org/problems/upstream-failed"))
                .body("detail", containsString("answered 404"));
        JsonPath states = when().get("/api/v1/reuse/collect").then().statusCode(200).extract().jsonPath();
        assertThat(states.getString("find { it.collector == 'crossref' }.checkpoint")).isEqualTo("2023-01-02");
        assertThat(states.getString("find { it.collector == 'crossref' }.lastOutcome")).isEqualTo("failed");
        assertThat(states.getInt("find { it.collector == 'crossref' }.linksRecorded")).isEqualTo(6);
    }

    @Test
    void scholixLinkPackageIsStreamParsedAndAWorkFoundByTwoRoutesIsOneLinkWithTwoEvidence() {
        publishAndAwait(withDoi("bic-col-ccdc", "10.5517/ccxwbqt"));
        publishAndAwait(withDoi("bic-col-dryad", "doi:10.5061/DRYAD.3P93T"));
        given().contentType(ContentType.JSON).body(Map.of("datasetId", "bic-col-dryad", "relation", "REUSE",
                "howFound", "search-engine", "publication", Map.of("doi", "10.1098/rspb.2015.1561")))
                .when().post("/api/v1/citations").then().statusCode(201);

        JsonPath run = when().post("/api/v1/reuse/collect/scholix").then().statusCode(200).extract().jsonPath();

        assertThat(run.getString("outcome")).isEqualTo("completed");
        assertThat(run.getInt("recordsSeen")).isEqualTo(798);
        assertThat(run.getString("checkpointAfter")).isEqualTo("2019-03-19");
        // ccxwbqt: 2 works × (IsRelatedTo, IsSupplementTo); dryad.3p93t: 1 work × 3 relations
        assertThat(run.getInt("candidatesMatched")).isEqualTo(7);
        assertThat(run.getInt("linksCreated")).isEqualTo(2);
        assertThat(run.getInt("evidenceAdded")).isEqualTo(3);

        JsonPath ccdc = report("bic-col-ccdc");
        assertThat(ccdc.getMap("counts")).isEqualTo(Map.of("citations", 2, "primary", 0, "reuses", 2, "selfReuses", 0));
        assertThat(ccdc.getMap("byYear")).isEqualTo(Map.of("2012", 1, "2013", 1));
        assertThat(ccdc.getMap("citations[0].publication")).containsAllEntriesOf(Map.of("doi", "10.1016/j.bmc.2013.04.075",
                "title", "The synthesis of neurotensin antagonist SR 48692 for prostate cancer research", "year", 2013));
        assertThat(ccdc.getString("citations[1].publication.doi")).isEqualTo("10.1021/op300084z");
        assertThat(ccdc.getList("citations.evidence.kind")).containsOnly(List.of("scholix"));
        assertThat(ccdc.getString("citations[0].evidence[0].detail")).startsWith(
                "Scholix link: dataset 10.5517/ccxwbqt Is").contains("Cambridge Crystallographic Data Centre");

        JsonPath dryad = report("bic-col-dryad");
        assertThat(dryad.getMap("counts")).isEqualTo(Map.of("citations", 1, "primary", 0, "reuses", 1, "selfReuses", 0));
        assertThat(dryad.getList("citations[0].evidence.kind", String.class)).containsExactly("submitted", "scholix");
        assertThat(dryad.getInt("citations[0].publication.year")).isEqualTo(2015);

        JsonPath again = when().post("/api/v1/reuse/collect/scholix").then().statusCode(200).extract().jsonPath();
        assertThat(again.getString("checkpointBefore")).isEqualTo("2019-03-19");
        assertThat(again.getInt("linksCreated")).isZero();
        assertThat(again.getInt("evidenceAdded")).isZero();
        assertThat(report("bic-col-ccdc").getInt("counts.citations")).isEqualTo(2);
    }

    @Test
    void unknownCollectorAnswers404AndAMalformedNameAnswers400() {
        when().post("/api/v1/reuse/collect/nope").then().statusCode(404).contentType("application/problem+json")
                .body("detail", equalTo("no collector nope; known collectors: crossref, scholix"));
        when().post("/api/v1/reuse/collect/NOT_A_NAME").then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("collector"));
    }

    // --- helpers ---

    private static DatasetChanged withDoi(String datasetId, String doi) {
        return DatasetEvents.withIdentifiers(datasetId, List.of(Identifier.of(Identifier.DOI, doi)),
                DatasetEvents.creator("Producer P", null));
    }

    private static void publishAndAwait(DatasetChanged event) {
        kafka.publish(event);
        await().atMost(KAFKA_WAIT).until(() -> when().get("/api/v1/reuse/datasets/{id}", event.datasetId())
                .statusCode() == 200);
    }

    private static JsonPath report(String datasetId) {
        return when().get("/api/v1/reuse/datasets/{id}", datasetId).then().statusCode(200).extract().jsonPath();
    }

    private static int replayHits(String marker) {
        String base = ConfigProvider.getConfig().getValue("bic.reuse.collect.crossref.url", String.class);
        return Integer.parseInt(given().urlEncodingEnabled(true).queryParam("q", marker)
                .when().get(base + "/_replay/hits").then().statusCode(200).extract().asString().strip());
    }
}
