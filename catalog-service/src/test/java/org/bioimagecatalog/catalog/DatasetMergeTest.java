package org.bioimagecatalog.catalog;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.awaitility.Awaitility;
import org.bioimagecatalog.catalog.dataset.DatasetIds;
import org.bioimagecatalog.model.DatasetMetadata;
import org.bioimagecatalog.model.Identifier;
import org.bioimagecatalog.model.ModelJson;
import org.bioimagecatalog.model.api.Problem;
import org.bioimagecatalog.model.events.DatasetChanged;
import org.bioimagecatalog.model.events.HarvestedRecord;
import org.bioimagecatalog.testsupport.StackTestResource;
import org.bioimagecatalog.testsupport.TestApiKeys;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Merging on records of one study from several archives (idr0067 / S-BIAD15, EMPIAR-10310 and its DataCite
 * DOI), the field preference and provenance, tombstones and redirects, and the curator's split and join.
 */
@QuarkusTest
@QuarkusTestResource(StackTestResource.class)
class DatasetMergeTest {
    private static CatalogTopics.Reader datasets;

    @BeforeAll
    static void followDatasets() {
        datasets = new CatalogTopics.Reader(DatasetChanged.TOPIC);
    }

    @AfterAll
    static void close() {
        if (datasets != null) {
            datasets.close();
        }
    }

    @Test
    void idrStudyListingItsBioImageArchiveMirrorJoinsTheMirrorsDatasetWithProvenancePerField() {
        publish("bia", "S-BIAD15", "https://www.ebi.ac.uk/biostudies/studies/S-BIAD15", ArchiveRecords.sBiad15().build());
        String id = DatasetIds.forSourceKey("bia:S-BIAD15");
        DatasetVersions.await(id, 1);
        publish("idr", "idr0067", "https://idr.openmicroscopy.org/webclient/?show=project-904",
                ArchiveRecords.idr0067().build());
        DatasetVersions.await(id, 2);

        given().get("/api/v1/datasets/{id}", id).then()
                .statusCode(200)
                .body("sourceRecords.key", contains("bia:S-BIAD15", "idr:idr0067"))
                .body("sourceRecords.url", contains("https://www.ebi.ac.uk/biostudies/studies/S-BIAD15",
                        "https://idr.openmicroscopy.org/webclient/?show=project-904"))
                .body("metadata.title", equalTo(ArchiveRecords.BIA_TITLE))
                // IDR ranks before the BioImage Archive: its curated values win single-valued fields …
                .body("metadata.imagingMethods.fbbiId", contains("FBbi:00000246"))
                .body("metadata.landingPage", equalTo("https://idr.openmicroscopy.org/search/?query=Name:idr0067"))
                .body("metadata.size.bytes", equalTo(285470887482L))
                .body("metadata.size.files", equalTo(1594))
                // … fields only the mirror has come from it …
                .body("metadata.creators[0].orcid", equalTo("0000-0002-6768-609X"))
                .body("metadata.publications[0].doi", equalTo("10.7554/elife.47156"))
                .body("metadata.license.spdx", equalTo("CC-BY-4.0"))
                // … and union fields hold both
                .body("metadata.identifiers.value", contains("idr0067", "S-BIAD15"))
                .body("metadata.accessUrls", contains("https://ftp.ebi.ac.uk/pub/databases/IDR/idr0067-king-yeastmeiosis"))
                .body("provenance.imagingMethods.from", contains("idr:idr0067"))
                .body("provenance.imagingMethods.alternatives[0].sourceKey", equalTo("bia:S-BIAD15"))
                .body("provenance.imagingMethods.alternatives[0].value.fbbiId",
                        contains("FBbi:00000246", "FBbi:00000258", null))
                .body("provenance.creators.from", contains("bia:S-BIAD15"))
                .body("provenance.identifiers.from", contains("idr:idr0067")) // it lists S-BIAD15 too
                .body("quality.score", equalTo(92))
                .body("quality.missing", contains("formats"));

        // the IDR record never had a dataset of its own: nothing to redirect, nothing to tombstone
        given().redirects().follow(false).get("/api/v1/datasets/{id}", DatasetIds.forSourceKey("idr:idr0067"))
                .then().statusCode(404);
        given().get("/api/v1/datasets/{id}/history", id).then()
                .body("versions[0].sourceKey", equalTo("idr:idr0067"))
                .body("versions[0].changedFields", hasItem("sourceRecords"));
    }

    @Test
    void recordThatGainsACrossReferenceMergesTwoDatasetsAndTheYoungerIdRedirectsToTheOlder() {
        publish("empiar", "EMPIAR-10310", "https://www.ebi.ac.uk/empiar/EMPIAR-10310/",
                ArchiveRecords.empiar10310().build());
        String empiar = DatasetIds.forSourceKey("empiar:EMPIAR-10310");
        DatasetVersions.await(empiar, 1);
        publish("datacite", "10.6019/EMPIAR-10310", "https://api.datacite.org/dois/10.6019/EMPIAR-10310",
                ArchiveRecords.datacite10310().build());
        String datacite = DatasetIds.forSourceKey("datacite:10.6019/EMPIAR-10310");
        DatasetVersions.await(datacite, 1);

        // the EMPIAR entry is re-harvested with its DataCite DOI: same dataset
        publish("empiar", "EMPIAR-10310", "https://www.ebi.ac.uk/empiar/EMPIAR-10310/",
                ArchiveRecords.empiar10310().identifier(Identifier.of(Identifier.DOI, "10.6019/EMPIAR-10310")).build());
        DatasetVersions.await(empiar, 2);

        given().get("/api/v1/datasets/{id}", empiar).then()
                .statusCode(200)
                .body("sourceRecords.key", contains("datacite:10.6019/EMPIAR-10310", "empiar:EMPIAR-10310"))
                .body("metadata.organisms", hasSize(1))
                .body("metadata.organisms[0].ncbiTaxonId", equalTo("6359"))
                .body("metadata.keywords", contains("electron microscopy"))
                .body("provenance.organisms.alternatives[0].sourceKey", equalTo("datacite:10.6019/EMPIAR-10310"));
        given().redirects().follow(false).get("/api/v1/datasets/{id}", datacite).then()
                .statusCode(301)
                .header("Location", org.hamcrest.Matchers.endsWith("/api/v1/datasets/" + empiar))
                .contentType(Problem.MEDIA_TYPE)
                .body("type", equalTo(Problem.TYPE_BASE + "merged"))
                .body("detail", equalTo("dataset " + datacite + " was merged into " + empiar));
        given().get("/api/v1/datasets/{id}/history", datacite).then()
                .statusCode(200)
                .body("versions[0].changedFields", contains("mergedInto"));
        given().queryParam("source", "datacite").get("/api/v1/datasets").then()
                .body("items.id", contains(empiar));

        List<ConsumerRecord<String, String>> gone = datasets.awaitKey(datacite, r -> r.size() == 2);
        assertThat(gone.get(1).value()).isNull();
        List<ConsumerRecord<String, String>> survivor = datasets.awaitKey(empiar, r -> r.size() == 2);
        assertThat(ModelJson.read(survivor.get(1).value(), DatasetChanged.class).sources())
                .containsExactly("datacite", "empiar");

        // a curator splits the DataCite record off: its old id comes back, and stays apart after a re-harvest
        given().header("X-API-Key", TestApiKeys.curator()).contentType(ContentType.JSON).body(Map.of("sourceKey", "datacite:10.6019/EMPIAR-10310",
                        "decidedBy", "curator@example.org"))
                .post("/api/v1/datasets/{id}/split", empiar).then()
                .statusCode(200)
                .body("kind", equalTo("split"))
                .body("datasets.id", containsInAnyOrder(empiar, datacite))
                .body("mergedAway", hasSize(0));
        publish("empiar", "EMPIAR-10310", "https://www.ebi.ac.uk/empiar/EMPIAR-10310/",
                ArchiveRecords.empiar10310().identifier(Identifier.of(Identifier.DOI, "10.6019/EMPIAR-10310"))
                        .keyword("FIB-SEM").build());
        DatasetVersions.await(empiar, 4);
        given().get("/api/v1/datasets/{id}", empiar).then()
                .body("sourceRecords.key", contains("empiar:EMPIAR-10310"))
                .body("metadata.keywords", contains("FIB-SEM"));
        given().get("/api/v1/datasets/{id}", datacite).then()
                .statusCode(200)
                .body("sourceRecords.key", contains("datacite:10.6019/EMPIAR-10310"));
        assertThat(ModelJson.read(datasets.awaitKey(datacite, r -> r.size() == 3).get(2).value(),
                DatasetChanged.class).datasetId()).isEqualTo(datacite);

        // and joins it back by hand: the older id survives again
        given().header("X-API-Key", TestApiKeys.curator()).contentType(ContentType.JSON).body(Map.of("otherId", empiar))
                .post("/api/v1/datasets/{id}/join", datacite).then()
                .statusCode(200)
                .body("kind", equalTo("join"))
                .body("datasets.id", contains(empiar))
                .body("mergedAway", contains(datacite));
        given().redirects().follow(false).get("/api/v1/datasets/{id}", datacite).then().statusCode(301);
    }

    @Test
    void zenodoRecordNamingAnIdrStudyAsIdentifierMergesButARelatedDatasetDoesNot() {
        publish("idr", "idr0010", "https://idr.openmicroscopy.org/webclient/?show=screen-51",
                IdrRecords.idr0001("idr0010").build());
        String idr = DatasetIds.forSourceKey("idr:idr0010");
        DatasetVersions.await(idr, 1);
        publish("zenodo", "5501", "https://zenodo.org/records/5501", DatasetMetadata.builder()
                .title("Segmentation masks for idr0010").relatedDataset(Identifier.of(Identifier.IDR, "idr0010"))
                .identifier(Identifier.of(Identifier.DOI, "10.5281/zenodo.5501")).build());
        publish("zenodo", "5502", "https://zenodo.org/records/5502", DatasetMetadata.builder()
                .title("Copy of idr0010").identifier(Identifier.of(Identifier.IDR, "idr0010"))
                .identifier(Identifier.of(Identifier.DOI, "10.5281/zenodo.5502")).build());
        DatasetVersions.await(idr, 2);
        DatasetVersions.await(DatasetIds.forSourceKey("zenodo:5501"), 1);

        given().get("/api/v1/datasets/{id}", idr).then()
                .body("sourceRecords.key", contains("idr:idr0010", "zenodo:5502"))
                .body("metadata.title", equalTo(IdrRecords.IDR0001_TITLE))
                .body("metadata.identifiers.value", hasItem("10.5281/zenodo.5502"))
                .body("provenance.title.alternatives[0].value", equalTo("Copy of idr0010"));
        given().get("/api/v1/datasets/{id}", DatasetIds.forSourceKey("zenodo:5501")).then()
                .body("sourceRecords.key", contains("zenodo:5501"))
                .body("metadata.relatedDatasets.value", contains("idr0010"));
    }

    @Test
    void deletingTheFoundingRecordKeepsTheIdAndDeletingTheLastWithdrawsIt() {
        publish("bia", "S-BIAD9001", "https://www.ebi.ac.uk/biostudies/studies/S-BIAD9001",
                DatasetMetadata.builder().title("Mirror of idr9001").build());
        String id = DatasetIds.forSourceKey("bia:S-BIAD9001");
        DatasetVersions.await(id, 1);
        publish("idr", "idr9001", "https://idr.openmicroscopy.org/webclient/?show=project-9001",
                DatasetMetadata.builder().title("Study idr9001").identifier(Identifier.of(Identifier.BIA, "S-BIAD9001"))
                        .build());
        DatasetVersions.await(id, 2);

        CatalogTopics.publish(IdrRecords.deleted("run-merge", "bia", "S-BIAD9001"));
        DatasetVersions.await(id, 3);
        given().get("/api/v1/datasets/{id}", id).then()
                .body("sourceRecords.key", contains("idr:idr9001"))
                .body("metadata.title", equalTo("Study idr9001"));

        CatalogTopics.publish(IdrRecords.deleted("run-merge", "idr", "idr9001"));
        Awaitility.await().atMost(Duration.ofSeconds(30))
                .until(() -> given().get("/api/v1/datasets/{id}", id).statusCode() == 410);
        given().get("/api/v1/datasets/{id}/history", id).then()
                .body("versions.version", contains(4, 3, 2, 1))
                .body("versions[0].changedFields", contains("withdrawn"))
                .body("versions[1].changedFields", hasItem("sourceRecords"));
        assertThat(datasets.awaitKey(id, r -> r.size() == 4).get(3).value()).isNull();
    }

    @Test
    void splitAndJoinRejectWhatTheyCannotDo() {
        publish("bbbc", "BBBC041", "https://bbbc.broadinstitute.org/BBBC041", DatasetMetadata.builder()
                .title("Human MCF7 cells - compound-profiling experiment").build());
        String id = DatasetIds.forSourceKey("bbbc:BBBC041");
        DatasetVersions.await(id, 1);

        given().header("X-API-Key", TestApiKeys.curator()).contentType(ContentType.JSON).body(Map.of("sourceKey", "idr:idr0001"))
                .post("/api/v1/datasets/{id}/split", id).then()
                .statusCode(400).contentType(Problem.MEDIA_TYPE)
                .body("detail", equalTo("sourceKey: 'idr:idr0001' is not an active source record of dataset " + id));
        given().header("X-API-Key", TestApiKeys.curator()).contentType(ContentType.JSON).body(Map.of("sourceKey", "bbbc:BBBC041"))
                .post("/api/v1/datasets/{id}/split", id).then()
                .statusCode(409).body("type", equalTo(Problem.TYPE_BASE + "nothing-to-split"));
        given().header("X-API-Key", TestApiKeys.curator()).contentType(ContentType.JSON).body(Map.of())
                .post("/api/v1/datasets/{id}/split", id).then()
                .statusCode(400).body("errors.field", contains("sourceKey"));
        given().header("X-API-Key", TestApiKeys.curator()).contentType(ContentType.JSON).body(Map.of("otherId", id))
                .post("/api/v1/datasets/{id}/join", id).then()
                .statusCode(400).body("detail", equalTo("otherId: a dataset cannot be joined with itself"));
        given().header("X-API-Key", TestApiKeys.curator()).contentType(ContentType.JSON).body(Map.of("otherId", "bic-000000000000"))
                .post("/api/v1/datasets/{id}/join", id).then()
                .statusCode(400).body("detail", equalTo("otherId: no dataset has the id bic-000000000000"));
        given().header("X-API-Key", TestApiKeys.curator()).contentType(ContentType.JSON).body(Map.of("otherId", id))
                .post("/api/v1/datasets/{id}/join", "bic-000000000000").then()
                .statusCode(404).body("status", equalTo(404)).body("$", not(org.hamcrest.Matchers.hasKey("stackTrace")));
    }

    private static void publish(String source, String nativeId, String url, DatasetMetadata metadata) {
        CatalogTopics.publish(HarvestedRecord.of("run-merge", source, nativeId, url, metadata));
    }
}
