package org.bioimagecatalog.e2e;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.restassured.path.json.JsonPath;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.bioimagecatalog.testsupport.Fixtures;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * The walking skeleton, end to end on the real stack: the harvester reads every recorded IDR study file, the
 * catalog serves each study, search finds it by a word of its title and the reuse tracker lists its primary
 * publication. The steps build on each other, hence the order.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class HarvestToSearchEndToEndTest {
    private static final Duration PIPELINE = Duration.ofMinutes(3);

    private Path studyFiles;
    private List<String> accessions;
    private RunningSystem system;
    /** accession → catalog dataset id, filled once the catalog has every study. */
    private final Map<String, String> datasetIds = new HashMap<>();

    @BeforeAll
    void startSystem() throws IOException, InterruptedException {
        studyFiles = Fixtures.require("idr/study-files");
        try (Stream<Path> files = Files.list(studyFiles)) {
            accessions = files.map(p -> p.getFileName().toString())
                    .filter(n -> n.endsWith("-study.txt"))
                    .map(n -> n.substring(0, n.indexOf('-')))
                    .sorted()
                    .toList();
        }
        system = RunningSystem.start();
    }

    @AfterAll
    void stopSystem() {
        if (system != null) {
            system.close();
        }
    }

    @Test
    @Order(1)
    void harvestingTheRecordedStudyFilesPublishesEveryStudy() {
        JsonPath run = harvest(studyFiles.toString());
        assertThat(run.getString("status")).isEqualTo("SUCCEEDED");
        assertThat(run.getInt("seen")).isEqualTo(accessions.size());
        assertThat(run.getInt("published")).isEqualTo(accessions.size());
        assertThat(run.getInt("rejected")).isZero();
    }

    @Test
    @Order(2)
    void everyStudyIsReadableThroughTheCatalogApi() {
        await().atMost(PIPELINE).untilAsserted(() -> assertThat(system.catalogDatasets()).hasSize(accessions.size()));
        for (JsonPath dataset : system.catalogDatasets()) {
            datasetIds.put(dataset.getString("sourceRecords[0].nativeId"), dataset.getString("id"));
        }
        assertThat(datasetIds.keySet()).containsExactlyInAnyOrderElementsOf(accessions);

        JsonPath idr0001 = catalogDataset(datasetIds.get("idr0001"));
        assertThat(idr0001.getString("metadata.organisms[0].label")).isEqualTo("Schizosaccharomyces pombe");
        assertThat(idr0001.getString("metadata.organisms[0].ncbiTaxonId")).isEqualTo("4896");
        assertThat(idr0001.getString("metadata.publications[0].pmid")).isEqualTo("25373780");
        assertThat(idr0001.getString("sourceRecords[0].key")).isEqualTo("idr:idr0001");
    }

    @Test
    @Order(3)
    void everyStudyIsFoundBySearchingForAWordOfItsTitle() {
        Map<String, String> titles = accessions.stream().collect(Collectors.toMap(Function.identity(),
                a -> catalogDataset(datasetIds.get(a)).getString("metadata.title")));
        Map<String, Long> wordFrequency = titles.values().stream().flatMap(t -> words(t).stream())
                .collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
        await().atMost(PIPELINE).untilAsserted(() -> assertThat(searchTotal("")).isEqualTo(accessions.size()));
        for (String accession : accessions) {
            // the title's rarest word: a real user's query, and one that keeps the result list short
            String word = words(titles.get(accession)).stream()
                    .min(Comparator.<String, Long>comparing(wordFrequency::get)
                            .thenComparing(Comparator.comparingInt(String::length).reversed()))
                    .orElseThrow();
            List<String> found = given().baseUri(system.search.baseUrl())
                    .queryParam("q", word).queryParam("size", 100)
                    .get("/api/v1/search").then().statusCode(200)
                    .extract().jsonPath().getList("items.id");
            assertThat(found).as("search for '%s' (title of %s)", word, accession).contains(datasetIds.get(accession));
        }
        JsonPath pombe = given().baseUri(system.search.baseUrl()).queryParam("q", "fission yeast Multiprocess")
                .get("/api/v1/search").then().statusCode(200).extract().jsonPath();
        assertThat(pombe.getList("items.id")).contains(datasetIds.get("idr0001"));
        JsonPath facets = given().baseUri(system.search.baseUrl()).get("/api/v1/search").then().statusCode(200)
                .extract().jsonPath();
        assertThat(facets.getList("facets.source.value")).containsExactly("idr");
        assertThat(facets.getInt("facets.source[0].count")).isEqualTo(accessions.size());
        // term facets: one bucket per ontology id, shown by its canonical name
        assertThat(facets.getList("facets.organism.value")).contains("9606", "10090");
        assertThat(facets.getList("facets.organism.name")).contains("Homo sapiens", "Mus musculus");
        assertThat(facets.getList("facets.imagingMethod.name")).contains("fluorescence microscopy");
    }

    @Test
    @Order(4)
    void everyPrimaryPublicationAppearsInTheReuseApi() {
        for (String accession : accessions) {
            String id = datasetIds.get(accession);
            List<Map<String, Object>> all = catalogDataset(id).getList("metadata.publications");
            if (all == null) {
                continue; // a study without a publication (the record omits empty lists)
            }
            // only the publications that describe the dataset; preprints and other related works are not PRIMARY
            List<Map<String, Object>> publications = all.stream()
                    .filter(p -> "PRIMARY".equals(p.get("relation"))).toList();
            List<String> pmids = publications.stream().map(p -> (String) p.get("pmid")).filter(p -> p != null).toList();
            List<String> dois = publications.stream().map(p -> (String) p.get("doi")).filter(d -> d != null).toList();
            if (pmids.isEmpty() && dois.isEmpty()) {
                continue;
            }
            await().atMost(PIPELINE).untilAsserted(() -> {
                JsonPath reuse = given().baseUri(system.reuse.baseUrl()).get("/api/v1/reuse/datasets/" + id)
                        .then().statusCode(200).extract().jsonPath();
                assertThat(reuse.getList("citations.relation", String.class)).containsOnly("PRIMARY");
                assertThat(reuse.getList("citations.publication.pmid", String.class)).containsAll(pmids);
                assertThat(reuse.getList("citations.publication.doi", String.class)).containsAll(dois);
            });
        }
        JsonPath idr0001 = given().baseUri(system.reuse.baseUrl()).get("/api/v1/reuse/datasets/" + datasetIds.get("idr0001"))
                .then().statusCode(200).extract().jsonPath();
        assertThat(idr0001.getString("citations[0].publication.pmcid")).isEqualTo("PMC4648281");
        assertThat(idr0001.getList("citations[0].evidence.kind")).containsExactly("harvested-primary");
    }

    @Test
    @Order(5)
    void reharvestingTheSameFilesChangesNothing() {
        JsonPath run = harvest(studyFiles.toString());
        assertThat(run.getString("status")).isEqualTo("SUCCEEDED");
        assertThat(run.getInt("published")).isZero();
        assertThat(run.getInt("unchanged")).isEqualTo(accessions.size());
        // force past the harvester's own check: the catalog must still see unchanged content and write nothing
        JsonPath forced = harvest(studyFiles.toString(), true);
        assertThat(forced.getInt("published")).isEqualTo(accessions.size());

        await().pollDelay(Duration.ofSeconds(1)).atMost(PIPELINE).untilAsserted(() ->
                assertThat(system.catalogDatasets()).allSatisfy(d -> assertThat(d.getInt("version")).isEqualTo(1)));
        assertThat(given().baseUri(system.catalog.baseUrl()).get("/api/v1/datasets/" + datasetIds.get("idr0001") + "/history")
                .then().statusCode(200).extract().jsonPath().getList("versions")).hasSize(1);
        assertThat(searchTotal("")).isEqualTo(accessions.size());
    }

    @Test
    @Order(6)
    void aGarbledStudyFileGoesToTheDeadLetterTopicAndTheRestOfTheRunGoesThrough(@TempDir Path dir) throws IOException {
        String original = Files.readString(studyFiles.resolve("idr0001-study.txt"), StandardCharsets.UTF_8);
        Files.writeString(dir.resolve("idr0001-study.txt"),
                original.replace("A genomic Multiprocess survey", "A revised genomic Multiprocess survey"));
        byte[] garbage = new byte[4096];
        new Random(42).nextBytes(garbage);
        Files.write(dir.resolve("idr9998-study.txt"), garbage);
        Files.writeString(dir.resolve("idr9999-study.txt"), original.substring(0, original.indexOf("# Study") + 8));

        JsonPath run = harvest(dir.toString());
        assertThat(run.getString("status")).isEqualTo("PARTIAL");
        assertThat(run.getInt("published")).isEqualTo(1);
        assertThat(run.getInt("rejected")).isEqualTo(2);
        assertThat(run.getList("errors.location", String.class))
                .anySatisfy(l -> assertThat(l).endsWith("idr9998-study.txt"))
                .anySatisfy(l -> assertThat(l).endsWith("idr9999-study.txt"));

        List<String> deadLetters = DeadLetters.read(system.namespace + ".records.harvested.dlq.v1", 2, PIPELINE);
        assertThat(deadLetters).hasSize(2).allSatisfy(json -> {
            JsonPath entry = JsonPath.from(json);
            assertThat(entry.getString("reason")).isNotBlank();
            assertThat(entry.getString("source")).isEqualTo("idr");
            assertThat(entry.getString("runId")).isEqualTo(run.getString("id"));
        });

        String id = datasetIds.get("idr0001");
        await().atMost(PIPELINE).untilAsserted(() ->
                assertThat(catalogDataset(id).getString("metadata.title")).startsWith("A revised genomic"));
        await().atMost(PIPELINE).untilAsserted(() -> assertThat(given().baseUri(system.search.baseUrl())
                // a phrase: plain words are read forgivingly (typos, prefixes), so "revised" also finds "revisited"
                .queryParam("q", "\"revised genomic\"").get("/api/v1/search").then().statusCode(200)
                .extract().jsonPath().getList("items.id")).containsExactly(id));
        assertThat(catalogDataset(id).getInt("version")).isEqualTo(2);
        assertThat(searchTotal("")).isEqualTo(accessions.size());
    }

    private JsonPath harvest(String location) {
        return harvest(location, false);
    }

    private JsonPath harvest(String location, boolean force) {
        return system.harvest("idr", location, force, PIPELINE);
    }

    private JsonPath catalogDataset(String id) {
        return given().baseUri(system.catalog.baseUrl()).get("/api/v1/datasets/" + id)
                .then().statusCode(200).extract().jsonPath();
    }

    private int searchTotal(String q) {
        return given().baseUri(system.search.baseUrl()).queryParam("q", q).get("/api/v1/search")
                .then().statusCode(200).extract().jsonPath().getInt("total");
    }

    private static List<String> words(String title) {
        return Stream.of(title.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+"))
                .filter(w -> w.length() >= 4 && w.chars().allMatch(Character::isLetter))
                .distinct()
                .toList();
    }
}
