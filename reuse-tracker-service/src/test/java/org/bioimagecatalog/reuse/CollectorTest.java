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
import org.bioimagecatalog.testsupport.TestApiKeys;
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

        JsonPath run = given().header("X-API-Key", TestApiKeys.admin()).when().post("/api/v1/reuse/collect/crossref").then().statusCode(200)
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
        given().header("X-API-Key", TestApiKeys.admin()).when().post("/api/v1/reuse/collect/crossref").then().statusCode(502).contentType("application/problem+json")
                .body("type", equalTo("https://bioimagecatalog.org/problems/upstream-failed"))
                .body("detail", containsString("answered HTTP 404"));
        JsonPath states = when().get("/api/v1/reuse/collect").then().statusCode(200).extract().jsonPath();
        assertThat(states.getString("find { it.collector == 'crossref' }.checkpoint")).isEqualTo("2023-01-02");
        assertThat(states.getString("find { it.collector == 'crossref' }.lastOutcome")).isEqualTo("failed");
        assertThat(states.getInt("find { it.collector == 'crossref' }.linksRecorded")).isEqualTo(6);
    }

    /**
     * The recorded day (2018-01-04, first page: 25 works with open references) cites no catalog dataset, so the
     * test tracks two DOIs those reference lists really cite as stand-in datasets: 10.1056/NEJMra1104650 (cited by
     * 10.1016/j.ensci.2017.12.005, whose author Kawashima S has ORCID 0000-0002-9358-7503, here also the
     * stand-in dataset's producer) and 10.1016/j.jacc.2013.11.031 (reference 19_CR42 of 10.1007/s41999-017-0019-x).
     */
    @Test
    void crossrefWorksWhoseReferenceListsCiteATrackedDoiBecomeReuseLinksWithSelfReuseByOrcid() {
        publishAndAwait(DatasetEvents.withIdentifiers("bic-col-ref-nejm", List.of(
                Identifier.of(Identifier.DOI, "10.1056/NEJMra1104650")),
                DatasetEvents.creator("Kawashima S", "0000-0002-9358-7503")));
        publishAndAwait(withDoi("bic-col-ref-jacc", "https://doi.org/10.1016/j.jacc.2013.11.031"));
        // the same pair submitted by hand before the collector finds it: one link, two evidence
        given().header("X-API-Key", TestApiKeys.submitter()).contentType(ContentType.JSON).body(Map.of(
                "datasetId", "bic-col-ref-jacc", "relation", "REUSE", "howFound", "a-colleague",
                "publication", Map.of("doi", "10.1007/S41999-017-0019-X")))
                .when().post("/api/v1/citations").then().statusCode(201);

        JsonPath run = given().header("X-API-Key", TestApiKeys.admin()).when().post("/api/v1/reuse/collect/crossref-works")
                .then().statusCode(200).extract().jsonPath();

        assertThat(run.getString("outcome")).isEqualTo("completed");
        assertThat(run.getString("checkpointBefore")).isNull();
        assertThat(run.getString("checkpointAfter")).isEqualTo("2018-01-05");
        assertThat(run.getInt("recordsSeen")).isEqualTo(25);
        assertThat(run.getInt("candidatesMatched")).isEqualTo(2);
        assertThat(run.getInt("linksCreated")).isEqualTo(1);
        assertThat(run.getInt("evidenceAdded")).isEqualTo(2);
        // page 1 was full (25 = rows): the collector followed message.next-cursor once
        assertThat(replayHits("cursor=" + CollectorFixturesResource.WORKS_NEXT_CURSOR.substring(0, 20))).isEqualTo(1);

        JsonPath nejm = report("bic-col-ref-nejm");
        assertThat(nejm.getMap("counts")).isEqualTo(Map.of("citations", 1, "primary", 0, "reuses", 0, "selfReuses", 1));
        assertThat(nejm.getMap("citations[0].publication")).containsAllEntriesOf(Map.of("doi", "10.1016/j.ensci.2017.12.005",
                "title", "Early treatment for IgG4-related disease may prevent cognitive impairment caused by cerebral "
                        + "vasculitis: A case report and review of the literature",
                "journal", "eNeurologicalSci", "year", 2018));
        assertThat(nejm.getBoolean("citations[0].selfReuse")).isTrue();
        assertThat(nejm.getString("citations[0].evidence[0].kind")).isEqualTo("crossref-reference");
        assertThat(nejm.getString("citations[0].evidence[0].detail")).isEqualTo("Crossref reference list of "
                + "10.1016/j.ensci.2017.12.005: reference 10.1016/j.ensci.2017.12.005_bb0005 DOI 10.1056/nejmra1104650 "
                + "(asserted by crossref)");

        JsonPath jacc = report("bic-col-ref-jacc");
        assertThat(jacc.getMap("counts")).isEqualTo(Map.of("citations", 1, "primary", 0, "reuses", 1, "selfReuses", 0));
        assertThat(jacc.getString("citations[0].publication.journal")).isEqualTo("European Geriatric Medicine");
        assertThat(jacc.getList("citations[0].evidence.kind", String.class))
                .containsExactly("submitted", "crossref-reference");
        assertThat(jacc.getString("citations[0].evidence[1].detail")).contains("reference 19_CR42 DOI 10.1016/j.jacc.2013.11.031");
        await().atMost(KAFKA_WAIT).pollInSameThread().untilAsserted(() -> assertThat(kafka.summariesOf("bic-col-ref-nejm"))
                .extracting(ReuseSummary::citations).contains(1));

        // 2018-01-05 was not recorded: the next run fails with 502 and the checkpoint stays
        given().header("X-API-Key", TestApiKeys.admin()).when().post("/api/v1/reuse/collect/crossref-works").then()
                .statusCode(502).contentType("application/problem+json");
        JsonPath states = when().get("/api/v1/reuse/collect").then().statusCode(200).extract().jsonPath();
        assertThat(states.getString("find { it.collector == 'crossref-works' }.checkpoint")).isEqualTo("2018-01-05");
        assertThat(report("bic-col-ref-jacc").getInt("counts.citations")).isEqualTo(1);
    }

    @Test
    void scholixLinkPackageIsStreamParsedAndAWorkFoundByTwoRoutesIsOneLinkWithTwoEvidence() {
        publishAndAwait(withDoi("bic-col-ccdc", "10.5517/ccxwbqt"));
        publishAndAwait(withDoi("bic-col-cyrm", "10.23731/CYRM-2017-003.441"));
        publishAndAwait(withDoi("bic-col-dryad", "doi:10.5061/DRYAD.3P93T"));
        given().header("X-API-Key", TestApiKeys.submitter()).contentType(ContentType.JSON).body(Map.of("datasetId", "bic-col-dryad", "relation", "REUSE",
                "howFound", "search-engine", "publication", Map.of("doi", "10.1098/rspb.2015.1561")))
                .when().post("/api/v1/citations").then().statusCode(201);

        JsonPath run = given().header("X-API-Key", TestApiKeys.admin()).when().post("/api/v1/reuse/collect/scholix").then().statusCode(200).extract().jsonPath();

        assertThat(run.getString("outcome")).isEqualTo("completed");
        assertThat(run.getInt("recordsSeen")).isEqualTo(798);
        assertThat(run.getString("checkpointAfter")).isEqualTo("2019-03-19");
        // ccxwbqt: 2 works x (IsRelatedTo, IsSupplementTo); cyrm: 4 works References it; dryad.3p93t: 1 work x 3 relations
        assertThat(run.getInt("candidatesMatched")).isEqualTo(11);
        assertThat(run.getInt("linksCreated")).isEqualTo(6);
        assertThat(run.getInt("evidenceAdded")).isEqualTo(7);

        // the dataset "IsSupplementTo" both papers: they describe it
        JsonPath ccdc = report("bic-col-ccdc");
        assertThat(ccdc.getMap("counts")).isEqualTo(Map.of("citations", 2, "primary", 2, "reuses", 0, "selfReuses", 0));
        assertThat(ccdc.getMap("byYear")).isEqualTo(Map.of("2012", 1, "2013", 1));
        assertThat(ccdc.getMap("citations[0].publication")).containsAllEntriesOf(Map.of("doi", "10.1016/j.bmc.2013.04.075",
                "title", "The synthesis of neurotensin antagonist SR 48692 for prostate cancer research", "year", 2013));
        assertThat(ccdc.getString("citations[1].publication.doi")).isEqualTo("10.1021/op300084z");
        assertThat(ccdc.getList("citations.evidence.kind")).containsOnly(List.of("scholix"));
        assertThat(ccdc.getString("citations[0].evidence[0].detail")).startsWith(
                "Scholix link: dataset 10.5517/ccxwbqt Is").contains("Cambridge Crystallographic Data Centre");

        // four papers reference the CERN report: reuse
        JsonPath cyrm = report("bic-col-cyrm");
        assertThat(cyrm.getMap("counts")).isEqualTo(Map.of("citations", 4, "primary", 0, "reuses", 4, "selfReuses", 0));
        assertThat(cyrm.getList("citations.publication.doi", String.class)).containsExactlyInAnyOrder(
                "10.1007/978-3-319-94604-7_6", "10.1088/1674-1137/42/2/023105", "10.1103/physrevd.96.035002",
                "10.3389/fphy.2018.00040");

        // submitted as reuse, then found by Scholix as the paper the dataset supplements: one link, two evidence
        JsonPath dryad = report("bic-col-dryad");
        assertThat(dryad.getMap("counts")).isEqualTo(Map.of("citations", 1, "primary", 1, "reuses", 0, "selfReuses", 0));
        assertThat(dryad.getList("citations[0].evidence.kind", String.class)).containsExactly("submitted", "scholix");
        assertThat(dryad.getInt("citations[0].publication.year")).isEqualTo(2015);

        JsonPath again = given().header("X-API-Key", TestApiKeys.admin()).when().post("/api/v1/reuse/collect/scholix").then().statusCode(200).extract().jsonPath();
        assertThat(again.getString("checkpointBefore")).isEqualTo("2019-03-19");
        assertThat(again.getInt("linksCreated")).isZero();
        assertThat(again.getInt("evidenceAdded")).isZero();
        assertThat(report("bic-col-cyrm").getInt("counts.citations")).isEqualTo(4);
    }

    @Test
    void dataciteRelatedIdentifiersOfTrackedDatasetsBecomeLinksAndAnUnfinishedWindowIsResumedAtItsNextPage() {
        publishAndAwait(withDoi("bic-col-ccx8jd2", "10.4124/ccx8jd2"));
        publishAndAwait(withDoi("bic-col-ccyqjfl", "10.4124/ccyqjfl"));
        publishAndAwait(withDoi("bic-col-ccyqjdk", "10.4124/CCYQJDK"));

        JsonPath run = given().header("X-API-Key", TestApiKeys.admin()).when().post("/api/v1/reuse/collect/datacite").then().statusCode(200).extract().jsonPath();

        assertThat(run.getString("outcome")).isEqualTo("completed");
        assertThat(run.getInt("recordsSeen")).isEqualTo(25);
        assertThat(run.getInt("linksCreated")).isEqualTo(9);
        // one page per run in this test: January 2018 has 97 records, the next run starts at page 2
        assertThat(run.getString("checkpointAfter")).isEqualTo("2018-01-04T00:00:00Z page 2");

        JsonPath ccx8jd2 = report("bic-col-ccx8jd2");
        assertThat(ccx8jd2.getMap("counts")).isEqualTo(Map.of("citations", 7, "primary", 7, "reuses", 0, "selfReuses", 0));
        assertThat(ccx8jd2.getList("citations.publication.doi", String.class)).contains("10.1039/c1dt10142k",
                "10.1021/ja2027053");
        assertThat(ccx8jd2.getList("citations.evidence.kind")).containsOnly(List.of("datacite-relation"));
        // two datasets supplementing one paper share one publication row
        for (String datasetId : List.of("bic-col-ccyqjfl", "bic-col-ccyqjdk")) {
            JsonPath report = report(datasetId);
            assertThat(report.getList("citations.publication.doi", String.class)).as(datasetId)
                    .containsExactly("10.1016/j.jfluchem.2012.07.018");
            assertThat(report.getString("citations[0].evidence[0].detail")).as(datasetId)
                    .endsWith("IsSupplementTo doi 10.1016/j.jfluchem.2012.07.018");
        }
    }

    @Test
    void europePmcArticlesNamingATrackedAccessionBecomeReuseLinksWithSelfReuseByOrcid() {
        publishAndAwait(DatasetEvents.withIdentifiers("bic-col-empiar", List.of(
                Identifier.of(Identifier.EMPIAR, "EMPIAR-10002"), Identifier.of(Identifier.DOI, "10.6019/EMPIAR-10002")),
                DatasetEvents.creator("Bai XC", "0000-0004-1234-5671")));

        JsonPath run = given().header("X-API-Key", TestApiKeys.admin()).when().post("/api/v1/reuse/collect/europepmc").then().statusCode(200).extract().jsonPath();

        assertThat(run.getString("outcome")).isEqualTo("completed");
        assertThat(run.getString("checkpointAfter")).isEqualTo(java.time.LocalDate.now(java.time.ZoneOffset.UTC).toString());
        assertThat(run.getInt("linksCreated")).isEqualTo(2);
        JsonPath report = report("bic-col-empiar");
        assertThat(report.getMap("counts")).isEqualTo(Map.of("citations", 2, "primary", 0, "reuses", 1, "selfReuses", 1));
        assertThat(report.getMap("byYear")).isEqualTo(Map.of("2021", 1, "2022", 1));
        assertThat(report.getMap("citations[1].publication")).isEqualTo(Map.of("doi", "10.5555/bic.epmc.reuse",
                "pmid", "90000101", "pmcid", "PMC90000101", "title", "A self-written article that reprocesses EMPIAR-10002",
                "journal", "Self-written Journal", "year", 2021));
        assertThat(report.getBoolean("citations[0].selfReuse")).isTrue();
        assertThat(report.getString("citations[0].publication.doi")).isEqualTo("10.5555/bic.epmc.self");
        assertThat(report.getString("citations[1].evidence[0].kind")).isEqualTo("europepmc-textmined");
        assertThat(report.getString("citations[1].evidence[0].detail"))
                .isEqualTo("Europe PMC full text of MED:90000101 mentions EMPIAR-10002");
    }

    @Test
    void unknownCollectorAnswers404AndAMalformedNameAnswers400() {
        given().header("X-API-Key", TestApiKeys.admin()).when().post("/api/v1/reuse/collect/nope").then().statusCode(404).contentType("application/problem+json")
                .body("detail", equalTo("no collector nope; known collectors: crossref, crossref-works, datacite, europepmc, scholix"));
        given().header("X-API-Key", TestApiKeys.admin()).when().post("/api/v1/reuse/collect/NOT_A_NAME").then().statusCode(400).contentType("application/problem+json")
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
