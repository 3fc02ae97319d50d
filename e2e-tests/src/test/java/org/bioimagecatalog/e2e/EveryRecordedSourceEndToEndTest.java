package org.bioimagecatalog.e2e;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.restassured.path.json.JsonPath;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicReference;
import org.bioimagecatalog.model.vocab.Fbbi;
import org.bioimagecatalog.testsupport.Fixtures;
import org.bioimagecatalog.testsupport.LocalStack;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Every recorded archive of {@code ../shared/fixtures} harvested together, as {@code bin/catalog up} does
 * ({@code fixtures/shared-sources.tsv}), through the packaged services on the real stack: the catalog speaks one
 * vocabulary (the harmony report and the search facets) and the archives' declared aliases and mirrors are one
 * dataset each. Prints the harmony report's figures.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EveryRecordedSourceEndToEndTest {
    private static final Duration PIPELINE = Duration.ofMinutes(6);
    private static final List<String> TERM_FACETS =
            List.of("organism", "imagingMethod", "cellLine", "samplePreparation", "license", "format");

    private final Map<String, Path> sources = new LinkedHashMap<>();
    private RunningSystem system;
    private ConsumerLag lag;

    @BeforeAll
    void harvestEverything() throws IOException, InterruptedException {
        for (String line : Files.readAllLines(LocalStack.repoDir().resolve("fixtures/shared-sources.tsv"))) {
            if (!line.isBlank() && !line.startsWith("#")) {
                String[] columns = line.split("\t");
                sources.put(columns[0], Fixtures.require(columns[1]));
            }
        }
        system = RunningSystem.start(Map.of("bic.search.query.facet-size", "1000"));
        lag = new ConsumerLag(system);
        for (Map.Entry<String, Path> source : sources.entrySet()) {
            JsonPath run = system.harvest(source.getKey(), source.getValue().toString(), PIPELINE);
            assertThat(run.getString("status")).as(source.getKey() + ": " + run.prettify()).isIn("SUCCEEDED", "PARTIAL");
            assertThat(run.getInt("published")).as(source.getKey() + " published").isPositive();
        }
    }

    @AfterAll
    void stop() {
        if (lag != null) {
            lag.close();
        }
        if (system != null) {
            system.close();
        }
    }

    @Test
    void theCatalogSpeaksOneVocabularyAndMergesDeclaredAliases() {
        JsonPath report = settledReport();
        System.out.println("harmony report over every recorded source: " + report.prettify());

        assertThat(report.getLong("idsWithSeveralNames")).as("ids shown under several names").isZero();
        assertThat(share(report, "organisms")).as("organism values with an NCBI taxon id").isGreaterThanOrEqualTo(0.99);
        assertThat(share(report, "imagingMethods")).as("imaging-method values with an FBbi id").isGreaterThanOrEqualTo(0.99);
        assertThat(report.getLong("multiArchiveDatasets")).as("datasets merging several archives").isGreaterThan(3);

        JsonPath facets = given().baseUri(system.search.baseUrl()).queryParam("size", 1).get("/api/v1/search")
                .then().statusCode(200).extract().jsonPath();
        for (String facet : TERM_FACETS) {
            List<Map<String, Object>> buckets = facets.getList("facets." + facet);
            Map<String, List<String>> valuesByName = new TreeMap<>();
            for (Map<String, Object> bucket : buckets) {
                valuesByName.computeIfAbsent(String.valueOf(bucket.get("name")).toLowerCase(Locale.ROOT),
                        n -> new ArrayList<>()).add(String.valueOf(bucket.get("value")));
            }
            assertThat(valuesByName).as(facet + ": a name shown as several buckets")
                    .allSatisfy((name, values) -> assertThat(values).hasSize(1));
        }
        List<String> methods = facets.getList("facets.imagingMethod.value");
        assertThat(methods).as("imaging-method buckets").isNotEmpty()
                .filteredOn(Fbbi::isKnown) // an id newer than the shipped release (SSBD's FBbi:00100014) is kept as given
                .allSatisfy(id -> {
                    assertThat(Fbbi.isImagingMethod(id)).as(id + " " + Fbbi.name(id).orElse("") + " is a method").isTrue();
                    assertThat(Fbbi.isGeneral(id)).as(id + " is too general to be a bucket").isFalse();
                });
    }

    @Test
    void declaredAliasesAndMirrorsAreOneDatasetEach() {
        settledReport();
        Map<String, Set<String>> datasetsByAccession = new HashMap<>();
        Map<String, JsonPath> byId = new HashMap<>();
        String cursor = null;
        do {
            var request = given().baseUri(system.catalog.baseUrl()).queryParam("limit", 100);
            if (cursor != null) {
                request.queryParam("cursor", cursor);
            }
            JsonPath page = request.get("/api/v1/datasets").then().statusCode(200).extract().jsonPath();
            List<Map<String, Object>> items = page.getList("items");
            for (int i = 0; i < items.size(); i++) {
                String id = page.getString("items[" + i + "].id");
                Set<String> own = new java.util.TreeSet<>();
                for (String nativeId : page.<String>getList("items[" + i + "].sourceRecords.nativeId")) {
                    own.add(nativeId.toLowerCase(Locale.ROOT));
                }
                Map<String, List<String>> foreignByScheme = new HashMap<>();
                List<String> accessions = new ArrayList<>();
                for (Map<String, Object> identifier : page.<Map<String, Object>>getList("items[" + i + "].metadata.identifiers")) {
                    String scheme = String.valueOf(identifier.get("scheme")).toLowerCase(Locale.ROOT);
                    if (!scheme.equals("doi") && !scheme.equals("url")) {
                        String accession = String.valueOf(identifier.get("value")).toLowerCase(Locale.ROOT);
                        accessions.add(accession);
                        if (!own.contains(accession)) {
                            foreignByScheme.computeIfAbsent(scheme, k -> new ArrayList<>()).add(accession);
                        }
                    }
                }
                for (String accession : accessions) {
                    // a record naming two studies of one archive as its aliases (cpg0015: idr0016 and idr0036) is
                    // the same images as neither alone: it stays apart, and names them
                    boolean ambiguous = !own.contains(accession) && foreignByScheme.values().stream()
                            .anyMatch(list -> list.contains(accession) && list.size() > 1);
                    if (!ambiguous) {
                        datasetsByAccession.computeIfAbsent(accession, a -> new java.util.TreeSet<>()).add(id);
                    }
                }
            }
            cursor = page.getString("next");
        } while (cursor != null);

        assertThat(datasetsByAccession).as("accessions named by more than one dataset")
                .allSatisfy((accession, ids) -> assertThat(ids).as(accession).hasSize(1));
        // the Cell Painting Gallery's registry: cpg0030 = BBBC022 = idr0036, cpg0010 = BBBC021, cpg0017 = idr0033
        assertSameDataset(datasetsByAccession, "cpg0030", "bbbc022", "idr0036");
        assertSameDataset(datasetsByAccession, "cpg0010", "bbbc021");
        assertSameDataset(datasetsByAccession, "cpg0017", "idr0033");
    }

    private static void assertSameDataset(Map<String, Set<String>> datasetsByAccession, String... accessions) {
        Set<String> ids = new java.util.TreeSet<>();
        for (String accession : accessions) {
            assertThat(datasetsByAccession).as("a dataset names " + accession).containsKey(accession);
            ids.addAll(datasetsByAccession.get(accession));
        }
        assertThat(ids).as(String.join(" = ", accessions)).hasSize(1);
    }

    private static double share(JsonPath report, String field) {
        List<Map<String, Object>> fields = report.getList("fields");
        return fields.stream().filter(f -> field.equals(f.get("field")))
                .mapToDouble(f -> ((Number) f.get("share")).doubleValue()).findFirst().orElseThrow();
    }

    /**
     * The harmony report once every consumer has read its topics to the end and two reports in a row, with the
     * search total, agree: the catalog's outbox may still be sending when the catalog's own lag reaches 0.
     */
    private JsonPath settledReport() {
        AtomicReference<String> last = new AtomicReference<>();
        String settled = await().atMost(PIPELINE).pollInterval(Duration.ofSeconds(2)).ignoreExceptions().until(() -> {
            if (!lag.noneBehind()) {
                last.set(null);
                return null;
            }
            String report = given().baseUri(system.catalog.baseUrl()).queryParam("top", 50)
                    .get("/api/v1/datasets/harmony").then().statusCode(200).extract().asString();
            long total = given().baseUri(system.search.baseUrl()).queryParam("size", 1).get("/api/v1/search")
                    .then().statusCode(200).extract().jsonPath().getLong("total");
            String now = total + " " + report;
            return now.equals(last.getAndSet(now)) && total == JsonPath.from(report).getLong("datasets") ? report : null;
        }, r -> r != null);
        return JsonPath.from(settled);
    }

}
