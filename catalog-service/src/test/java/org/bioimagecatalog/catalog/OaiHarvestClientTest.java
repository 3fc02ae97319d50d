package org.bioimagecatalog.catalog;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.io.IOException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.StreamSupport;
import org.awaitility.Awaitility;
import org.bioimagecatalog.catalog.dataset.DatasetIds;
import org.bioimagecatalog.model.Creator;
import org.bioimagecatalog.model.ModelJson;
import org.bioimagecatalog.testsupport.RequiredTool;
import org.bioimagecatalog.testsupport.StackTestResource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The OAI-PMH provider harvested by a third-party client: HTTP::OAI (the Perl library behind EPrints'
 * harvesting; Debian {@code libhttp-oai-perl}, installed by {@code bin/lib/ensure-http-oai.sh}), run by
 * {@code src/test/oai/harvest-with-http-oai.pl}. It follows the resumptionTokens (2 records a page in tests)
 * over one set and over the whole catalog; the test checks the counts and the fields the client read.
 */
@QuarkusTest
@QuarkusTestResource(StackTestResource.class)
class OaiHarvestClientTest {
    private static final String SOURCE = "oaiclient";
    private static boolean published;

    @TestHTTPResource("/oai")
    URL oai;

    @Inject
    EntityManager em;

    @BeforeEach
    void publishOnce() {
        if (published) {
            return;
        }
        published = true;
        CatalogTopics.publish(
                IdrRecords.record("run-h", SOURCE, "h1", IdrRecords.idr0001("harvest-1").title("Harvested one")
                        .creator(new Creator("Ada Lovelace", "0000-0002-1825-0097", null, null, List.of())).build()),
                IdrRecords.record("run-h", SOURCE, "h2", IdrRecords.idr0001("harvest-2").title("Harvested two").build()),
                IdrRecords.record("run-h", SOURCE, "h3", IdrRecords.idr0001("harvest-3").title("Harvested three").build()),
                IdrRecords.record("run-h", SOURCE, "h4", IdrRecords.idr0001("harvest-4").title("Harvested four").build()),
                IdrRecords.record("run-h", SOURCE, "h5", IdrRecords.idr0001("harvest-5").title("Harvested five").build()),
                IdrRecords.deleted("run-h", SOURCE, "h5"));
        Awaitility.await().atMost(Duration.ofSeconds(30))
                .until(() -> given().get("/api/v1/datasets/{id}", DatasetIds.forSourceKey(SOURCE + ":h5")).statusCode() == 410
                        && given().queryParam("source", SOURCE).get("/api/v1/datasets").jsonPath().getInt("total") == 4);
    }

    @Test
    void aThirdPartyClientHarvestsASetPageByPageWithResumptionTokens() {
        List<JsonNode> lines = harvest("oai_dc", "source:" + SOURCE);

        JsonNode identify = lines.get(0);
        assertThat(identify.path("repositoryName").asText()).isEqualTo("BioImage Catalog");
        assertThat(identify.path("protocolVersion").asText()).isEqualTo("2.0");
        assertThat(identify.path("deletedRecord").asText()).isEqualTo("persistent");
        assertThat(identify.path("granularity").asText()).isEqualTo("YYYY-MM-DDThh:mm:ssZ");

        JsonNode done = lines.get(lines.size() - 1);
        assertThat(done.path("records").asInt()).isEqualTo(5);
        assertThat(done.path("pages").asInt()).isEqualTo(3); // 2 + 2 + 1
        assertThat(done.path("completeListSize").asInt()).isEqualTo(5);

        List<JsonNode> records = lines.subList(1, lines.size() - 1);
        assertThat(records).extracting(r -> r.path("identifier").asText()).doesNotHaveDuplicates()
                .allMatch(id -> id.startsWith("oai:bioimagecatalog.org:bic-"));
        JsonNode one = record(records, DatasetIds.forSourceKey(SOURCE + ":h1"));
        assertThat(one.path("deleted").asInt()).isZero();
        assertThat(strings(one.path("sets"))).contains("source:" + SOURCE);
        assertThat(strings(one.path("titles"))).containsExactly("Harvested one");
        assertThat(strings(one.path("creators"))).containsExactly("Rafael Carazo Salas", "Ada Lovelace");
        assertThat(strings(one.path("identifiers"))).contains("https://doi.org/10.17867/test.harvest-1");
        assertThat(one.path("datestamp").asText()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ");
        JsonNode deleted = record(records, DatasetIds.forSourceKey(SOURCE + ":h5"));
        assertThat(deleted.path("deleted").asInt()).isEqualTo(1);
        assertThat(deleted.path("titles").isMissingNode()).isTrue();
    }

    @Test
    void aThirdPartyClientHarvestsTheWholeCatalogInBothFormats() {
        long datasets = QuarkusTransaction.requiringNew().call(() ->
                ((Number) em.createNativeQuery("select count(*) from dataset").getSingleResult()).longValue());
        for (String prefix : List.of("oai_dc", "oai_datacite")) {
            List<JsonNode> lines = harvest(prefix, null);
            JsonNode done = lines.get(lines.size() - 1);
            // every dataset, withdrawn and merged-away ones as deleted headers (deletedRecord = persistent)
            assertThat(done.path("records").asLong()).as(prefix).isEqualTo(datasets);
            assertThat(done.path("pages").asLong()).as(prefix).isEqualTo((datasets + 1) / 2);
            List<JsonNode> records = lines.subList(1, lines.size() - 1);
            assertThat(records).extracting(r -> r.path("identifier").asText()).doesNotHaveDuplicates();
            JsonNode live = record(records, DatasetIds.forSourceKey(SOURCE + ":h2"));
            assertThat(strings(live.path("titles"))).as(prefix).containsExactly("Harvested two");
            assertThat(strings(live.path("creators"))).as(prefix).containsExactly("Rafael Carazo Salas");
        }
    }

    private static JsonNode record(List<JsonNode> records, String datasetId) {
        return records.stream().filter(r -> r.path("identifier").asText().endsWith(":" + datasetId)).findFirst()
                .orElseThrow(() -> new AssertionError("the client did not harvest " + datasetId));
    }

    private static List<String> strings(JsonNode array) {
        return StreamSupport.stream(array.spliterator(), false).map(JsonNode::asText).toList();
    }

    /** Runs the HTTP::OAI harvest script; skips the test when Perl's HTTP::OAI is not installed (fails under CI=true). */
    private List<JsonNode> harvest(String prefix, String set) {
        RequiredTool.require(httpOaiInstalled(),
                "Perl's HTTP::OAI is not installed: run bin/lib/ensure-http-oai.sh (Debian package libhttp-oai-perl)");
        List<String> command = new ArrayList<>(List.of("perl", Path.of("src/test/oai/harvest-with-http-oai.pl")
                .toAbsolutePath().toString(), oai.toString(), prefix));
        if (set != null) {
            command.add(set);
        }
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(false).start();
            byte[] out = process.getInputStream().readAllBytes();
            String err = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(process.waitFor(2, TimeUnit.MINUTES)).isTrue();
            String stdout = new String(out, StandardCharsets.UTF_8);
            assertThat(process.exitValue()).as("harvest exit code; stdout: %s stderr: %s", stdout, err).isZero();
            List<JsonNode> lines = new ArrayList<>();
            for (String line : stdout.split("\n")) {
                if (!line.isBlank()) {
                    lines.add(ModelJson.mapper().readTree(line));
                }
            }
            assertThat(lines.get(lines.size() - 1).path("verb").asText()).isEqualTo("done");
            return lines;
        } catch (IOException e) {
            throw new IllegalStateException("cannot run the HTTP::OAI harvest", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static boolean httpOaiInstalled() {
        try {
            Process check = new ProcessBuilder("perl", "-MHTTP::OAI", "-e", "1").start();
            return check.waitFor(30, TimeUnit.SECONDS) && check.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

}
