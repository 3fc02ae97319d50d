package org.bioimagecatalog.catalog;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.awaitility.Awaitility;
import org.bioimagecatalog.catalog.dataset.DatasetIds;
import org.bioimagecatalog.model.DatasetMetadata;
import org.bioimagecatalog.model.Identifier;
import org.bioimagecatalog.model.ImagingMethod;
import org.bioimagecatalog.model.Organism;
import org.bioimagecatalog.model.events.HarvestedRecord;
import org.bioimagecatalog.model.ids.Accession;
import org.bioimagecatalog.testsupport.Fixtures;
import org.bioimagecatalog.testsupport.StackTestResource;
import org.bioimagecatalog.testsupport.TestApiKeys;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Identity from declared aliases: the Cell Painting Gallery's "Other aliases" (read from its recorded README
 * table), an IDR study's BioImage Archive accession (its recorded study file), a BioStudies mirror of an EMPIAR
 * entry; and what stays apart: related datasets, and aliases naming two studies of one archive. Also the
 * harmony report's figures over those datasets.
 */
@QuarkusTest
@QuarkusTestResource(StackTestResource.class)
class AliasMergeTest {
    private static final Pattern LINK = Pattern.compile("\\[([^\\]]*)\\]\\([^)]*\\)");

    @Inject
    SteerableNormaliser normaliser;

    @AfterEach
    void reset() {
        normaliser.reset();
    }

    @Test
    void cellPaintingGalleryAliasesMergeTheGalleryBbbcAndIdrRecordsIntoOneDataset() {
        // cpg0030 = BBBC022 = idr0036 and cpg0017 = BBBC037 = idr0033, as the Gallery's README states
        for (List<String> triple : List.of(List.of("cpg0030", "BBBC022", "idr0036"), List.of("cpg0017", "BBBC037", "idr0033"))) {
            String cpg = triple.get(0);
            String bbbc = triple.get(1);
            String idr = triple.get(2);
            publish("bbbc", bbbc, "https://bbbc.broadinstitute.org/" + bbbc, DatasetMetadata.builder()
                    .title(bbbcTitle(bbbc)).identifier(Identifier.of("bbbc", bbbc)).build());
            String id = DatasetIds.forSourceKey("bbbc:" + bbbc);
            DatasetVersions.await(id, 1);
            publish("idr", idr, "https://idr.openmicroscopy.org/search/?query=Name:" + idr, DatasetMetadata.builder()
                    .title(studyTitle(idr)).identifier(Identifier.of(Identifier.IDR, idr)).build());
            String idrId = DatasetIds.forSourceKey("idr:" + idr);
            DatasetVersions.await(idrId, 1);
            publish("cpg", cpg, "https://cellpainting-gallery.s3.amazonaws.com/index.html#" + cpg, cpgRecord(cpg));

            DatasetVersions.await(id, 2); // one re-merge brings both others in
            given().get("/api/v1/datasets/{id}", id).then().statusCode(200)
                    .body("sourceRecords.key", contains("bbbc:" + bbbc, "cpg:" + cpg, "idr:" + idr));
            given().redirects().follow(false).get("/api/v1/datasets/{id}", idrId).then().statusCode(301);
        }
    }

    @Test
    void aCuratorCanSplitAnAliasMergeAndTheNextHarvestKeepsItSplit() {
        publish("bbbc", "BBBC021", "https://bbbc.broadinstitute.org/BBBC021", DatasetMetadata.builder()
                .title(bbbcTitle("BBBC021")).identifier(Identifier.of("bbbc", "BBBC021")).build());
        String id = DatasetIds.forSourceKey("bbbc:BBBC021");
        DatasetVersions.await(id, 1);
        publish("cpg", "cpg0010", "https://cellpainting-gallery.s3.amazonaws.com/index.html#cpg0010", cpgRecord("cpg0010"));
        DatasetVersions.await(id, 2);
        given().get("/api/v1/datasets/{id}", id).then().body("sourceRecords.key", contains("bbbc:BBBC021", "cpg:cpg0010"));

        given().header("X-API-Key", TestApiKeys.curator()).contentType(ContentType.JSON)
                .body(Map.of("sourceKey", "cpg:cpg0010")).post("/api/v1/datasets/{id}/split", id).then().statusCode(200);
        String cpg = DatasetIds.forSourceKey("cpg:cpg0010");
        given().get("/api/v1/datasets/{id}", cpg).then().statusCode(200).body("sourceRecords.key", contains("cpg:cpg0010"));

        publish("cpg", "cpg0010", "https://cellpainting-gallery.s3.amazonaws.com/index.html#cpg0010",
                cpgRecord("cpg0010").toBuilder().keyword("re-harvested").build());
        DatasetVersions.await(cpg, 2);
        given().get("/api/v1/datasets/{id}", id).then().body("sourceRecords.key", contains("bbbc:BBBC021"));
    }

    @Test
    void anIdrStudyAndItsBioImageArchiveMirrorAndABioStudiesCopyOfAnEmpiarEntryAreOneDatasetEach() {
        // idr0085's study file names its mirror; the BioImage Archive record is written in BioStudies' shape
        String bia = studyValue("idr0085", "Study BioImage Archive Accession");
        publish("bia", bia, "https://www.ebi.ac.uk/biostudies/studies/" + bia, DatasetMetadata.builder()
                .title(studyTitle("idr0085")).identifier(Identifier.of(Identifier.BIA, bia)).build());
        String id = DatasetIds.forSourceKey("bia:" + bia);
        DatasetVersions.await(id, 1);
        publish("idr", "idr0085", "https://idr.openmicroscopy.org/search/?query=Name:idr0085", DatasetMetadata.builder()
                .title(studyTitle("idr0085")).identifier(Identifier.of(Identifier.IDR, "idr0085"))
                .identifier(Identifier.of(Identifier.BIA, bia)).build());
        DatasetVersions.await(id, 2);
        given().get("/api/v1/datasets/{id}", id).then().body("sourceRecords.key", contains("bia:" + bia, "idr:idr0085"));

        // BioStudies holds EMPIAR entries under their own accessions (documented shape, no recording)
        publish("empiar", "EMPIAR-10311", "https://www.ebi.ac.uk/empiar/EMPIAR-10311/", DatasetMetadata.builder()
                .title("EMPIAR-10311").identifier(Identifier.of(Identifier.EMPIAR, "EMPIAR-10311")).build());
        String empiar = DatasetIds.forSourceKey("empiar:EMPIAR-10311");
        DatasetVersions.await(empiar, 1);
        publish("bia", "EMPIAR-10311", "https://www.ebi.ac.uk/biostudies/EMPIAR/studies/EMPIAR-10311",
                DatasetMetadata.builder().title("EMPIAR-10311").build());
        DatasetVersions.await(empiar, 2);
        given().get("/api/v1/datasets/{id}", empiar).then()
                .body("sourceRecords.key", contains("bia:EMPIAR-10311", "empiar:EMPIAR-10311"));
    }

    @Test
    void relatedDatasetsAndAliasesOfTwoStudiesOfOneArchiveStayApart() {
        // S-BIAD1492 links "EMPIAR-11380" as "A link to an EMPIAR entry": related, not the same images
        publish("empiar", "EMPIAR-11380", "https://www.ebi.ac.uk/empiar/EMPIAR-11380/", DatasetMetadata.builder()
                .title("EMPIAR-11380").identifier(Identifier.of(Identifier.EMPIAR, "EMPIAR-11380")).build());
        publish("bia", "S-BIAD1492", "https://www.ebi.ac.uk/biostudies/studies/S-BIAD1492", DatasetMetadata.builder()
                .title("S-BIAD1492").identifier(Identifier.of(Identifier.BIA, "S-BIAD1492"))
                .relatedDataset(Identifier.of(Identifier.EMPIAR, "EMPIAR-11380")).build());
        // cpg0015 names idr0016 and idr0036 among its aliases: two studies, a re-analysis of both
        publish("idr", "idr0016", "https://idr.openmicroscopy.org/search/?query=Name:idr0016", DatasetMetadata.builder()
                .title("idr0016").identifier(Identifier.of(Identifier.IDR, "idr0016")).build());
        publish("cpg", "cpg0015", "https://cellpainting-gallery.s3.amazonaws.com/index.html#cpg0015", cpgRecord("cpg0015"));
        for (String key : List.of("empiar:EMPIAR-11380", "bia:S-BIAD1492", "idr:idr0016", "cpg:cpg0015")) {
            DatasetVersions.await(DatasetIds.forSourceKey(key), 1);
            given().get("/api/v1/datasets/{id}", DatasetIds.forSourceKey(key)).then()
                    .body("sourceRecords.key", contains(key));
        }
        given().get("/api/v1/datasets/{id}", DatasetIds.forSourceKey("bia:S-BIAD1492")).then()
                .body("metadata.relatedDatasets.value", contains("EMPIAR-11380"));
    }

    @Test
    void theHarmonyReportCountsIdsLabelsAndMultiArchiveDatasets() {
        var before = given().queryParam("top", 1000).get("/api/v1/datasets/harmony").then().statusCode(200).extract().jsonPath();
        normaliser.raw(true); // stored as harvested, so that the figures below do not depend on the vocabularies
        publish("harmonytest", "a", "https://example.org/a", DatasetMetadata.builder().title("a")
                .identifier(Identifier.of(Identifier.DOI, "10.9999/harmony-test-a"))
                .organism(new Organism("harmony test organism", null))
                .imagingMethod(new ImagingMethod("harmony method spelling one", "FBbi:09999999")).build());
        publish("harmonytest", "b", "https://example.org/b", DatasetMetadata.builder().title("b")
                .organism(new Organism("harmony test organism", null))
                .imagingMethod(new ImagingMethod("harmony method spelling two", "FBbi:09999999")).build());
        String a = DatasetIds.forSourceKey("harmonytest:a");
        DatasetVersions.await(a, 1);
        DatasetVersions.await(DatasetIds.forSourceKey("harmonytest:b"), 1);
        // another archive's record of the same data DOI: one dataset of two archives
        publish("othertest", "c", "https://example.org/c", DatasetMetadata.builder().title("c")
                .identifier(Identifier.of(Identifier.DOI, "10.9999/harmony-test-a")).build());
        DatasetVersions.await(a, 2);

        var after = given().queryParam("top", 1000).get("/api/v1/datasets/harmony").then().statusCode(200)
                .body("fields.field", contains("organisms", "imagingMethods", "cellLines", "formats", "license"))
                .body("fields[0].unresolved.find { it.label == 'harmony test organism' }.count", equalTo(2))
                .extract().jsonPath();
        assertThat(after.getLong("datasets") - before.getLong("datasets")).isEqualTo(2);
        assertThat(after.getLong("fields[0].values") - before.getLong("fields[0].values")).isEqualTo(2);
        assertThat(after.getLong("fields[0].withId")).isEqualTo(before.getLong("fields[0].withId"));
        assertThat(after.getLong("fields[1].withId") - before.getLong("fields[1].withId")).isEqualTo(2);
        assertThat(after.getLong("fields[1].idsWithSeveralNames") - before.getLong("fields[1].idsWithSeveralNames")).isEqualTo(1);
        assertThat(after.getLong("idsWithSeveralNames") - before.getLong("idsWithSeveralNames")).isEqualTo(1);
        assertThat(after.getLong("multiArchiveDatasets") - before.getLong("multiArchiveDatasets")).isEqualTo(1);

        // the same report for a terminal (bin/catalog vocab-report), with the figures bin/bench collects
        String text = given().accept("text/plain").queryParam("top", 1000).get("/api/v1/datasets/harmony").then()
                .statusCode(200).contentType(startsWith("text/plain")).extract().asString();
        assertThat(text).contains("    2  harmony test organism")
                .contains("RESULT vocab datasets=" + after.getLong("datasets") + " idsWithSeveralNames="
                        + after.getLong("idsWithSeveralNames") + " multiArchiveDatasets=" + after.getLong("multiArchiveDatasets"));

        // per archive: the datasets holding one of its records, a merged one with all its values
        given().queryParam("top", 1000).queryParam("source", "harmonytest").get("/api/v1/datasets/harmony").then()
                .statusCode(200).body("datasets", equalTo(2)).body("multiArchiveDatasets", equalTo(1))
                .body("fields[0].values", equalTo(2)).body("fields[0].withId", equalTo(0))
                .body("fields[0].unresolved.label", contains("harmony test organism"))
                .body("fields[0].unresolved.count", contains(2));
        given().queryParam("source", "othertest").get("/api/v1/datasets/harmony").then().statusCode(200)
                .body("datasets", equalTo(1)).body("fields[0].unresolved.count", contains(1));
        given().queryParam("source", "nosuchtest").get("/api/v1/datasets/harmony").then().statusCode(200)
                .body("datasets", equalTo(0)).body("fields[0].values", equalTo(0));
        given().queryParam("source", "no such archive").get("/api/v1/datasets/harmony").then().statusCode(400)
                .contentType("application/problem+json").body("errors.field", contains("source"));

        given().queryParam("top", "many").get("/api/v1/datasets/harmony").then().statusCode(400)
                .contentType("application/problem+json").body("errors.field", contains("top"));
    }

    /** A Gallery record as the harvester maps its README row: accessions among "Other aliases" are identifiers. */
    private static DatasetMetadata cpgRecord(String accession) {
        String row = lines("cpg/README.md").stream().filter(l -> l.startsWith("| " + accession)).findFirst().orElseThrow();
        String[] cells = row.split("\\|");
        DatasetMetadata.Builder b = DatasetMetadata.builder().title(cells[1].strip())
                .identifier(Identifier.of("cpg", accession));
        Matcher links = LINK.matcher(cells[cells.length - 1]);
        String aliases = links.replaceAll("$1");
        for (String alias : aliases.split(",")) {
            Accession.parse(alias.strip()).ifPresent(a -> b.identifier(Identifier.of(a.archive().source(), a.value())));
        }
        return b.build();
    }

    private static String bbbcTitle(String accession) {
        String page = String.join("\n", lines("bbbc/dataset-pages/" + accession + ".html"));
        Matcher title = Pattern.compile("<title>([^<]*)").matcher(page);
        return title.find() ? title.group(1).strip() : accession;
    }

    private static String studyTitle(String idr) {
        return studyValue(idr, "Study Title");
    }

    private static String studyValue(String idr, String key) {
        return lines("idr/study-files/" + idr + "-study.txt").stream().filter(l -> l.startsWith(key + "\t"))
                .map(l -> l.split("\t")[1].strip()).findFirst().orElseThrow();
    }

    private static List<String> lines(String fixture) {
        try {
            return Files.readAllLines(Fixtures.require(fixture), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void publish(String source, String nativeId, String url, DatasetMetadata metadata) {
        CatalogTopics.publish(HarvestedRecord.of("run-alias", source, nativeId, url, metadata));
    }
}
