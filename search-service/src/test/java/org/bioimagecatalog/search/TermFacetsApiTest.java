package org.bioimagecatalog.search;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.bioimagecatalog.model.CellLine;
import org.bioimagecatalog.model.DatasetMetadata;
import org.bioimagecatalog.model.FileFormat;
import org.bioimagecatalog.model.ImagingMethod;
import org.bioimagecatalog.model.ModelJson;
import org.bioimagecatalog.model.OntologyTerm;
import org.bioimagecatalog.model.Organism;
import org.bioimagecatalog.model.TermRef;
import org.bioimagecatalog.model.events.DatasetChanged;
import org.bioimagecatalog.model.events.SourceRecordRef;
import org.bioimagecatalog.testsupport.StackTestResource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Facets and filters on ontology terms, over records as the catalog publishes them once harmonised: ids with
 * canonical names, taxon lineages and FBbi ancestors, cell lines apart from organisms; beside them a record from
 * before harmonisation, with labels only. Lineages and ancestors are NCBI Taxonomy's and FBbi's (abridged).
 */
@QuarkusTest
@TestProfile(OwnIndexProfile.class)
@QuarkusTestResource(StackTestResource.class)
class TermFacetsApiTest {
    private static final String SEARCH = "/api/v1/search";
    private static final List<TermRef> ABOVE_MAMMALS = List.of(new TermRef("131567", "cellular organisms"),
            new TermRef("2759", "Eukaryota"), new TermRef("33208", "Metazoa"), new TermRef("7711", "Chordata"),
            new TermRef("7742", "Vertebrata"), new TermRef("40674", "Mammalia"));
    private static final List<TermRef> MICROSCOPY = List.of(new TermRef("FBbi:00000222", "imaging method"),
            new TermRef("FBbi:00000265", "recorded image"), new TermRef("FBbi:00000241", "microscopy"),
            new TermRef("FBbi:00000343", "microscopy with lenses"));
    private static final CellLine HELA = new CellLine("HeLa", "CVCL_0030", "HeLa", "9606");
    private static final FileFormat TIFF = new FileFormat("TIFF", "format_3591", "TIFF");
    private static boolean corpusIndexed;

    @BeforeEach
    void publishCorpusOnce() {
        if (corpusIndexed) {
            return;
        }
        try (TestPublisher publisher = new TestPublisher()) {
            publisher.dataset(event("tf-lightsheet", DatasetMetadata.builder()
                    .title("Light-sheet time-lapse of HeLa spheroids")
                    .description("Spheroids grown for five days, imaged every ten minutes.")
                    .organism(human("Homo sapiens"))
                    .cellLine(HELA)
                    .imagingMethod(new ImagingMethod("light sheet fluorescence microscopy", "FBbi:00000369",
                            "light sheet fluorescence microscopy", with(MICROSCOPY,
                                    new TermRef("FBbi:00000345", "light microscopy"),
                                    new TermRef("FBbi:00000246", "fluorescence microscopy")), null))
                    .format(TIFF)
                    .license(TestDatasets.CC_BY)
                    .released(LocalDate.of(2023, 2, 1))
                    .build()));
            publisher.dataset(event("tf-tem", DatasetMetadata.builder()
                    .title("Ultrastructure of HeLa mitochondria after drug treatment")
                    .organism(human("Homo sapiens (human)"))
                    .cellLine(new CellLine("HeLa cells", "CVCL_0030", "HeLa", "9606"))
                    .imagingMethod(new ImagingMethod("TEM", "FBbi:00000258", "transmission electron microscopy",
                            with(MICROSCOPY, new TermRef("FBbi:00000256", "electron microscopy")), null))
                    .license(TestDatasets.CC0)
                    .released(LocalDate.of(2022, 6, 1))
                    .build()));
            publisher.dataset(event("tf-sem", DatasetMetadata.builder()
                    .title("Serial block-face images of cortical synapses")
                    .organism(new Organism("Mus muculus", "10090", "Mus musculus", "species", with(ABOVE_MAMMALS,
                            new TermRef("9989", "Rodentia"), new TermRef("NCBITaxon:10088", "Mus"))))
                    .imagingMethod(new ImagingMethod("scanning electron microscopy", "FBbi:00000257",
                            "scanning electron microscopy (SEM)",
                            with(MICROSCOPY, new TermRef("FBbi:00000256", "electron microscopy")), null))
                    // a sample preparation the source listed among its methods
                    .imagingMethod(new ImagingMethod("chemically fixed tissue", "FBbi:00000002",
                            "chemically fixed tissue", List.of(new TermRef("FBbi:00000001",
                                    "sample preparation method")), null))
                    .samplePreparation(new OntologyTerm("cryosections", "FBbi:00000027", "cryostat-sectioned tissue"))
                    .format(new FileFormat("tif", "format_3591", "TIFF"))
                    .license(TestDatasets.CC_BY)
                    .released(LocalDate.of(2021, 1, 1))
                    .build()));
            publisher.dataset(event("tf-yeast", DatasetMetadata.builder()
                    .title("Budding yeast septin rings")
                    .organism(new Organism("S. cerevisiae", "4932", "Saccharomyces cerevisiae", "species", List.of(
                            new TermRef("131567", "cellular organisms"), new TermRef("2759", "Eukaryota"),
                            new TermRef("4751", "Fungi"), new TermRef("4930", "Saccharomyces"))))
                    .imagingMethod(new ImagingMethod("recorded image", "FBbi:00000265", "recorded image",
                            List.of(new TermRef("FBbi:00000222", "imaging method")), null))
                    .imagingMethod(new ImagingMethod("widefield fluorescence", "FBbi:00000246",
                            "fluorescence microscopy", with(MICROSCOPY,
                                    new TermRef("FBbi:00000345", "light microscopy")), null))
                    .license(TestDatasets.CC_BY)
                    .released(LocalDate.of(2020, 1, 1))
                    .build()));
            publisher.raw("tf-old", oldShapeJson());
        }
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() ->
                given().get(SEARCH).then().statusCode(200).body("total", equalTo(5)));
        corpusIndexed = true;
    }

    @AfterAll
    static void removeIndex() {
        TestIndices.deleteOwnIndex();
    }

    @Test
    void twoLabelsOfOneIdAreOneBucketWithTheCanonicalName() {
        given().get(SEARCH).then().statusCode(200)
                .body("facets.organism", equalTo(List.of(facet("9606", "Homo sapiens", 2),
                        facet("10090", "Mus musculus", 1), facet("4932", "Saccharomyces cerevisiae", 1))))
                .body("facets.format", equalTo(List.of(facet("format_3591", "TIFF", 2))))
                .body("facets.license", equalTo(List.of(facet("CC-BY-4.0", "CC-BY-4.0", 3),
                        facet("CC0-1.0", "CC0-1.0", 1))));
    }

    @Test
    void cellLinesAreAFacetOfTheirOwnAndFilterById() {
        given().get(SEARCH).then().statusCode(200)
                .body("facets.cellLine", equalTo(List.of(facet("CVCL_0030", "HeLa", 2))))
                .body("facets.organism.value", not(hasItem("CVCL_0030")));
        given().queryParam("cellLine", "CVCL_0030").get(SEARCH).then().statusCode(200)
                .body("items.id", containsInAnyOrder("tf-lightsheet", "tf-tem"));
        given().queryParam("samplePreparation", "FBbi:00000027").get(SEARCH).then().statusCode(200)
                .body("items.id", contains("tf-sem"));
    }

    @Test
    void aParentFilterIncludesEveryDescendant() {
        given().queryParam("imagingMethod", "FBbi:00000256").get(SEARCH).then().statusCode(200)
                .body("items.id", containsInAnyOrder("tf-tem", "tf-sem"));
        given().queryParam("organism", "40674").get(SEARCH).then().statusCode(200)
                .body("items.id", containsInAnyOrder("tf-lightsheet", "tf-tem", "tf-sem"));
        given().queryParam("organism", "NCBITaxon:4751").get(SEARCH).then().statusCode(200)
                .body("items.id", contains("tf-yeast"));
        given().queryParam("organism", "Vertebrata").get(SEARCH).then().statusCode(200)
                .body("items.id", containsInAnyOrder("tf-lightsheet", "tf-tem", "tf-sem"));
        given().queryParam("organism", "Homo sapiens").get(SEARCH).then().statusCode(200)
                .body("items.id", containsInAnyOrder("tf-lightsheet", "tf-tem"));
    }

    @Test
    void parentsAreCountedRolledUpAndKeepTheirCountsWhenOneIsChosen() {
        given().get(SEARCH).then().statusCode(200)
                .body("facets.organismParents", equalTo(List.of(facet("40674", "Mammalia", 3),
                        facet("7742", "Vertebrata", 3), facet("4751", "Fungi", 1))))
                .body("facets.imagingMethodParents", equalTo(List.of(facet("FBbi:00000256", "electron microscopy", 2),
                        facet("FBbi:00000246", "fluorescence microscopy", 2),
                        facet("FBbi:00000345", "light microscopy", 2))));
        given().queryParam("organism", "4751").get(SEARCH).then().statusCode(200)
                .body("facets.organismParents", equalTo(List.of(facet("40674", "Mammalia", 3),
                        facet("7742", "Vertebrata", 3), facet("4751", "Fungi", 1))))
                .body("facets.imagingMethod.value", contains("FBbi:00000246"));
    }

    @Test
    void onlySpecificImagingMethodsAreMethodBuckets() {
        given().get(SEARCH).then().statusCode(200)
                .body("facets.imagingMethod", equalTo(List.of(
                        facet("FBbi:00000246", "fluorescence microscopy", 1),
                        facet("FBbi:00000369", "light sheet fluorescence microscopy", 1),
                        facet("FBbi:00000257", "scanning electron microscopy (SEM)", 1),
                        facet("FBbi:00000258", "transmission electron microscopy", 1))))
                .body("facets.samplePreparation", equalTo(List.of(
                        facet("FBbi:00000027", "cryostat-sectioned tissue", 1))));
        // a general term is no bucket but still a filter, through the hierarchy
        given().queryParam("imagingMethod", "FBbi:00000265").get(SEARCH).then().statusCode(200)
                .body("total", equalTo(4));
    }

    @Test
    void synonymsAndCommonNamesFindTheTerm() {
        given().queryParam("q", "SPIM").get(SEARCH).then().statusCode(200)
                .body("items.id", contains("tf-lightsheet"));
        given().queryParam("q", "mouse").get(SEARCH).then().statusCode(200)
                .body("items.id", contains("tf-sem"));
        given().queryParam("q", "electron microscopy").get(SEARCH).then().statusCode(200)
                .body("items.id", containsInAnyOrder("tf-tem", "tf-sem"));
        // the source's own label stays searchable beside the canonical name
        given().queryParam("q", "muculus").get(SEARCH).then().statusCode(200)
                .body("items.id", contains("tf-sem"));
        given().queryParam("q", "cryostat").get(SEARCH).then().statusCode(200)
                .body("items.id", contains("tf-sem"));
    }

    @Test
    void aRecordWithoutIdsIsSearchableButNoBucket() {
        given().queryParam("q", "unclassified").get(SEARCH).then().statusCode(200)
                .body("items.id", contains("tf-old"))
                .body("items[0].organisms", contains("unclassified soil nematode"))
                .body("items[0].formats", contains("CZI"));
        given().queryParam("q", "rig").get(SEARCH).then().statusCode(200).body("items.id", contains("tf-old"));
        given().queryParam("format", "CZI").get(SEARCH).then().statusCode(200).body("items.id", contains("tf-old"));
        given().get(SEARCH).then().statusCode(200)
                .body("facets.organism.name", not(hasItem("unclassified soil nematode")))
                .body("facets.imagingMethod.name", not(hasItem("custom imaging rig")))
                .body("facets.format.name", everyItem(equalTo("TIFF")));
        given().queryParam("organism", "999999999").get(SEARCH).then().statusCode(200).body("items", empty());
    }

    /** A record as catalog-service published it before harmonisation: labels only, formats as plain strings. */
    private static String oldShapeJson() {
        DatasetChanged event = event("tf-old", DatasetMetadata.builder()
                .title("Nematodes from a forest soil core")
                .organism(new Organism("unclassified soil nematode", null))
                .imagingMethod(new ImagingMethod("custom imaging rig", null))
                .released(LocalDate.of(2015, 1, 1))
                .build());
        ObjectNode tree = ModelJson.mapper().valueToTree(event);
        ((ObjectNode) tree.path("metadata")).putArray("formats").add("CZI");
        return ModelJson.write(tree);
    }

    private static Organism human(String label) {
        return new Organism(label, "9606", "Homo sapiens", "species", with(ABOVE_MAMMALS,
                new TermRef("9443", "Primates"), new TermRef("9605", "Homo")));
    }

    private static List<TermRef> with(List<TermRef> above, TermRef... below) {
        return java.util.stream.Stream.concat(above.stream(), Arrays.stream(below)).toList();
    }

    private static DatasetChanged event(String id, DatasetMetadata metadata) {
        return new DatasetChanged(UUID.randomUUID().toString(), DatasetChanged.SCHEMA_VERSION, id, Instant.now(),
                ModelJson.contentHash(metadata), null, id, 1,
                List.of(new SourceRecordRef("bia:" + id, "bia", id, null)), metadata);
    }

    private static Map<String, Object> facet(String value, String name, int count) {
        return Map.of("value", value, "name", name, "count", count);
    }
}
