package org.bioimagecatalog.reuse;

import static io.restassured.RestAssured.given;
import static io.restassured.RestAssured.when;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.bioimagecatalog.model.DatasetMetadata;
import org.bioimagecatalog.model.Identifier;
import org.bioimagecatalog.model.events.DatasetChanged;
import org.bioimagecatalog.model.events.SourceRecordRef;
import org.bioimagecatalog.testsupport.StackTestResource;
import org.bioimagecatalog.testsupport.TestApiKeys;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Producer, repository and dataset reports and their exports, over a seeded set of links: archive
 * "rptarchive" holds three datasets, two of them by producer 0000-0002-1234-5677 (Hartley M).
 */
@QuarkusTest
@QuarkusTestResource(StackTestResource.class)
class ReuseReportTest {
    @Inject
    EntityManager em;
    @org.eclipse.microprofile.config.inject.ConfigProperty(name = "quarkus.hibernate-orm.database.default-schema")
    String schema;

    private static final String ORCID = "0000-0002-1234-5677";
    private static final Duration KAFKA_WAIT = Duration.ofSeconds(60);
    private static boolean seeded;
    /** what an upstream title can start with: a spreadsheet formula */
    private static final String FORMULA = "=HYPERLINK(\"http://evil.example\",\"open\") ";

    /** Seeds once, from the first test (RestAssured knows the test port only once a test runs). */
    @BeforeEach
    void seed() {
        if (seeded) {
            return;
        }
        try (TestKafka kafka = new TestKafka()) {
            for (String name : List.of("a", "b", "c")) {
                DatasetMetadata.Builder metadata = DatasetMetadata.builder()
                        .title((name.equals("b") ? FORMULA : "") + "Test dataset bic-rpt-" + name)
                        .identifier(Identifier.of(Identifier.DOI, "10.5555/rpt.dataset." + name));
                if (!name.equals("c")) {
                    metadata.creator(DatasetEvents.creator("Hartley M", ORCID));
                }
                kafka.publish(DatasetEvents.event("bic-rpt-" + name, 1, metadata.build(),
                        new SourceRecordRef("rptarchive:" + name, "rptarchive", name, null)));
            }
            for (String name : List.of("a", "b", "c")) {
                await().atMost(KAFKA_WAIT).until(() -> when().get("/api/v1/reuse/datasets/bic-rpt-" + name)
                        .statusCode() == 200);
            }
        }
        cite("bic-rpt-a", "PRIMARY", "10.5555/rpt.p", 2019, null);
        cite("bic-rpt-a", "REUSE", "10.5555/rpt.1", 2021, null);
        cite("bic-rpt-a", "REUSE", "10.5555/rpt.2", 2022, null);
        cite("bic-rpt-a", "REUSE", "10.5555/rpt.3", 2022, ORCID);
        cite("bic-rpt-b", "REUSE", "10.5555/rpt.1", 2021, null);
        cite("bic-rpt-c", "REUSE", "10.5555/rpt.4", 2023, null);
        cite("bic-rpt-c", "REUSE", "10.5555/rpt.5", 2023, null);
        cite("bic-rpt-c", "REUSE", "10.5555/rpt.6", 2020, null);
        seeded = true;
    }

    @AfterAll
    static void done() {
        seeded = false;
    }

    @Test
    void producerReportListsEveryDatasetOfThatPersonWithExactReuseCounts() {
        JsonPath report = when().get("/api/v1/reuse/producers/" + ORCID.replace("-", "")).then().statusCode(200)
                .contentType("application/json").extract().jsonPath();

        assertThat(report.getString("orcid")).isEqualTo(ORCID);
        assertThat(report.getString("name")).isEqualTo("Hartley M");
        assertThat(report.getMap("totals")).isEqualTo(Map.of("datasets", 2, "citations", 5, "primary", 1, "reuses", 3,
                "selfReuses", 1));
        assertThat(report.getMap("reusesByYear")).isEqualTo(Map.of("2021", 2, "2022", 1));
        assertThat(report.getList("datasets.datasetId")).containsExactly("bic-rpt-a", "bic-rpt-b");
        assertThat(report.getMap("datasets[0]")).containsAllEntriesOf(Map.of("citations", 4, "primary", 1, "reuses", 2,
                "selfReuses", 1, "sources", List.of("rptarchive"), "withdrawn", false));
        assertThat(report.getMap("datasets[0].reusesByYear")).isEqualTo(Map.of("2021", 1, "2022", 1));
    }

    @Test
    void producerCsvParsesBackToOneRowPerDataset() {
        Response csv = when().get("/api/v1/reuse/producers/" + ORCID + "/datasets.csv");
        assertThat(csv.statusCode()).isEqualTo(200);
        assertThat(csv.contentType()).startsWith("text/csv");

        List<List<String>> rows = parseCsv(csv.asString());
        assertThat(rows.get(0)).containsExactly("dataset_id", "title", "sources", "withdrawn", "citations", "primary",
                "reuses", "self_reuses", "reuses_by_year");
        assertThat(rows.subList(1, rows.size())).containsExactly(
                List.of("bic-rpt-a", "Test dataset bic-rpt-a", "rptarchive", "false", "4", "1", "2", "1", "2021:1;2022:1"),
                List.of("bic-rpt-b", "'" + FORMULA + "Test dataset bic-rpt-b", "rptarchive", "false", "1", "0", "1", "0", "2021:1"));
    }

    @Test
    void repositoryReportRanksTheMostReusedDatasetsAndGivesTheTrendByYear() {
        JsonPath report = given().queryParam("limit", 2).when().get("/api/v1/reuse/repositories/rptarchive").then()
                .statusCode(200).extract().jsonPath();

        assertThat(report.getString("source")).isEqualTo("rptarchive");
        assertThat(report.getMap("totals")).isEqualTo(Map.of("datasets", 3, "citations", 8, "primary", 1, "reuses", 6,
                "selfReuses", 1));
        assertThat(report.getMap("reusesByYear")).isEqualTo(Map.of("2020", 1, "2021", 2, "2022", 1, "2023", 2));
        assertThat(report.getList("mostReused.datasetId")).containsExactly("bic-rpt-c", "bic-rpt-a");
        assertThat(report.getList("mostReused.reuses")).containsExactly(3, 2);

        List<List<String>> rows = parseCsv(when().get("/api/v1/reuse/repositories/rptarchive/datasets.csv").asString());
        assertThat(rows).extracting(r -> r.get(0)).containsExactly("dataset_id", "bic-rpt-c", "bic-rpt-a", "bic-rpt-b");
        given().queryParam("limit", 0).when().get("/api/v1/reuse/repositories/rptarchive").then().statusCode(400)
                .contentType("application/problem+json").body("errors[0].field", equalTo("limit"));
    }

    @Test
    void anArchiveWithMoreDatasetsThanPostgresBindsParametersIsReportedPagedAndStreamed() {
        // more datasets than one statement can bind as parameters (32767): an id list would fail the report
        int datasets = 40_000;
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("insert into " + schema + ".tracked_dataset (dataset_id,"
                        + " title, sources) select 'bic-bulk-' || lpad(n::text, 6, '0'), 'Bulk ' || n, '[\"bulkarchive\"]'"
                        + " from generate_series(1, ?1) n on conflict (dataset_id) do nothing")
                .setParameter(1, datasets).executeUpdate());

        JsonPath report = given().queryParam("limit", 3).when().get("/api/v1/reuse/repositories/bulkarchive").then()
                .statusCode(200).extract().jsonPath();
        assertThat(report.getInt("totals.datasets")).isEqualTo(datasets);
        assertThat(report.getList("mostReused.datasetId")).containsExactly("bic-bulk-000001", "bic-bulk-000002",
                "bic-bulk-000003");

        String csv = when().get("/api/v1/reuse/repositories/bulkarchive/datasets.csv").then().statusCode(200)
                .contentType(org.hamcrest.Matchers.startsWith("text/csv")).extract().asString();
        assertThat(csv.split("\r\n")).hasSize(datasets + 1);
    }

    @Test
    void datasetCsvAndScholixExportsParseBackWithTheLinks() throws Exception {
        List<List<String>> rows = parseCsv(when().get("/api/v1/reuse/datasets/bic-rpt-a/citations.csv").then()
                .statusCode(200).contentType("text/csv").extract().asString());
        assertThat(rows).hasSize(5);
        assertThat(rows.get(1)).containsExactly("bic-rpt-a", "PRIMARY", "false", "10.5555/rpt.p", "", "",
                "Report paper, \"rpt.p\"", "", "2019", "submitted", "the-paper");
        assertThat(rows.subList(1, 5)).extracting(r -> r.get(3))
                .containsExactly("10.5555/rpt.p", "10.5555/rpt.2", "10.5555/rpt.3", "10.5555/rpt.1");
        assertThat(rows.get(3).get(2)).isEqualTo("true");
        // a title a spreadsheet would run as a formula is neutralised (CsvWriter)
        assertThat(rows.get(2).get(6)).isEqualTo("'-Paper 10.5555/rpt.2");

        String scholix = when().get("/api/v1/reuse/datasets/bic-rpt-a/scholix").then().statusCode(200)
                .contentType("application/json").extract().asString();
        JsonNode links = new ObjectMapper().readTree(scholix);
        assertThat(links).hasSize(4);
        com.networknt.schema.JsonSchema schema = ScholixSchema.v4();
        for (JsonNode link : links) {
            // valid against the official Scholix v4 JSON schema (repaired in memory, see ScholixSchema)
            assertThat(ScholixSchema.errors(schema, link)).as(link.toString()).isEmpty();
            assertThat(link.path("LinkPublicationDate").asText()).matches("\\d{4}-\\d\\d-\\d\\d");
            assertThat(link.path("LinkProvider").get(0).path("name").asText()).startsWith("BioImage Catalog reuse tracker");
            assertThat(link.path("Source").path("Type").path("Name").asText()).isEqualTo("literature");
            assertThat(link.path("Source").path("Identifier").get(0).path("IDScheme").asText()).isEqualTo("doi");
            assertThat(link.path("Target").path("Type").path("Name").asText()).isEqualTo("dataset");
            assertThat(link.path("Target").path("Identifier").path("ID").asText()).isEqualTo("10.5555/rpt.dataset.a");
            assertThat(link.path("Target").path("Title").get(0).asText()).isEqualTo("Test dataset bic-rpt-a");
        }
        assertThat(links.get(0).path("RelationshipType").path("Name").asText()).isEqualTo("IsSupplementedBy");
        assertThat(links.get(1).path("RelationshipType").path("Name").asText()).isEqualTo("References");
        assertThat(links.get(1).path("Source").path("Identifier").get(0).path("IDURL").asText())
                .isEqualTo("https://doi.org/10.5555/rpt.2");
        assertThat(links.get(1).path("Source").path("Title").get(0).asText()).isEqualTo("-Paper 10.5555/rpt.2");
    }

    @Test
    void htmlReportsAreSelfContainedPrintablePagesWithAnSvgChartOfReusePerYear() {
        String dataset = when().get("/api/v1/reuse/datasets/bic-rpt-a/report").then().statusCode(200)
                .contentType("text/html").extract().asString();
        assertThat(dataset).startsWith("<!DOCTYPE html>").contains("<svg", "@media print",
                "data-year=\"2021\" data-count=\"1\"", "data-year=\"2022\" data-count=\"1\"",
                "Report paper, &quot;rpt.p&quot;").doesNotContain("<script", "<link", "src=\"http");

        String producer = when().get("/api/v1/reuse/producers/" + ORCID + "/report").then().statusCode(200)
                .contentType("text/html").extract().asString();
        assertThat(producer).contains("Data reuse credit: Hartley M", "data-year=\"2021\" data-count=\"2\"",
                "data-year=\"2022\" data-count=\"1\"", "Test dataset bic-rpt-b").doesNotContain("<script", "<link");
    }

    @Test
    void malformedOrcidAnswers400AndAnUnknownOneAnswers404() {
        when().get("/api/v1/reuse/producers/0000-0002-1234-5678").then().statusCode(400)
                .contentType("application/problem+json").body("errors[0].field", equalTo("orcid"));
        when().get("/api/v1/reuse/producers/0000-0003-1234-5674").then().statusCode(404)
                .contentType("application/problem+json").body("title", equalTo("Producer not found"));
        when().get("/api/v1/reuse/datasets/bic-rpt-never/citations.csv").then().statusCode(404)
                .contentType("application/problem+json");
    }

    // --- helpers ---

    private static void cite(String datasetId, String relation, String doi, int year, String authorOrcid) {
        Map<String, Object> publication = new java.util.HashMap<>(Map.of("doi", doi, "year", year,
                "title", doi.equals("10.5555/rpt.p") ? "Report paper, \"rpt.p\"" : "-Paper " + doi));
        if (authorOrcid != null) {
            publication.put("authors", List.of(Map.of("name", "M. Hartley", "orcid", authorOrcid)));
        }
        given().header("X-API-Key", TestApiKeys.submitter()).contentType(ContentType.JSON).body(Map.of("datasetId", datasetId, "relation", relation,
                "howFound", relation.equals("PRIMARY") ? "the-paper" : "this-catalog", "publication", publication))
                .when().post("/api/v1/citations").then().statusCode(201);
    }

    /** RFC 4180: quoted cells may hold commas, doubled quotes and line breaks; rows end with CRLF. */
    static List<List<String>> parseCsv(String text) {
        List<List<String>> rows = new ArrayList<>();
        List<String> row = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
                    cell.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    cell.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                row.add(cell.toString());
                cell.setLength(0);
            } else if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                row.add(cell.toString());
                cell.setLength(0);
                rows.add(row);
                row = new ArrayList<>();
                i++;
            } else {
                cell.append(c);
            }
        }
        return rows;
    }
}
