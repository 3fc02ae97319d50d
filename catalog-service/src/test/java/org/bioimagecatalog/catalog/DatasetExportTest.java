package org.bioimagecatalog.catalog;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import com.apicatalog.jsonld.JsonLdError;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import org.awaitility.Awaitility;
import org.bioimagecatalog.catalog.dataset.DatasetIds;
import jakarta.inject.Inject;
import org.bioimagecatalog.model.CellLine;
import org.bioimagecatalog.model.Creator;
import org.bioimagecatalog.model.FileFormat;
import org.bioimagecatalog.model.ImagingMethod;
import org.bioimagecatalog.model.Organism;
import org.bioimagecatalog.model.DatasetMetadata;
import org.bioimagecatalog.model.api.Problem;
import org.bioimagecatalog.testsupport.SchemaOrgJsonLd;
import org.bioimagecatalog.testsupport.StackTestResource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Exports by content negotiation: schema.org JSON-LD run through a real JSON-LD processor (titanium), DataCite
 * JSON, and CSV pages of the list.
 */
@QuarkusTest
@QuarkusTestResource(StackTestResource.class)
class DatasetExportTest {
    private static final String ID = DatasetIds.forSourceKey("idr:idr0301");
    /** A dataset whose terms the vocabularies resolved: ids, canonical names, and the source's own labels. */
    private static final String HARMONISED = DatasetIds.forSourceKey("termtest:one");
    private static final String SCHEMA = SchemaOrgJsonLd.SCHEMA;
    private static boolean published;

    @Inject
    SteerableNormaliser normaliser;

    @BeforeEach
    void publishOnce() {
        if (published) {
            return;
        }
        published = true;
        normaliser.raw(true); // the terms below as stored, whatever the vocabularies' release says
        try {
            CatalogTopics.publish(IdrRecords.record("run-x", "termtest", "one", harmonised()));
            Awaitility.await().atMost(Duration.ofSeconds(30))
                    .until(() -> given().get("/api/v1/datasets/{id}", HARMONISED).statusCode() == 200);
        } finally {
            normaliser.raw(false);
        }
        CatalogTopics.publish(IdrRecords.record("run-x", "idr", "idr0301", metadata()),
                IdrRecords.record("run-x", "csvtest", "one", DatasetMetadata.builder()
                        .title("=Cells, \"stained\" twice").build()),
                IdrRecords.record("run-x", "csvtest", "two", DatasetMetadata.builder().title("Plain").build()));
        Awaitility.await().atMost(Duration.ofSeconds(30))
                .until(() -> given().queryParam("source", "csvtest").get("/api/v1/datasets").jsonPath().getInt("total") == 2
                        && given().get("/api/v1/datasets/{id}", ID).statusCode() == 200);
    }

    @Test
    void jsonLdExpandsToASchemaOrgDatasetWithItsProperties() throws JsonLdError {
        String body = given().accept("application/ld+json").get("/api/v1/datasets/{id}", ID).then()
                .statusCode(200)
                .contentType("application/ld+json")
                .extract().asString();

        JsonArray expanded = SchemaOrgJsonLd.expand(body);
        assertThat(expanded).hasSize(1);
        JsonObject dataset = expanded.getJsonObject(0);
        assertThat(dataset.getString("@id")).endsWith("/api/v1/datasets/" + ID);
        assertThat(strings(dataset.getJsonArray("@type"))).containsExactly(SCHEMA + "Dataset");
        assertThat(value(dataset, "name")).isEqualTo(IdrRecords.IDR0001_TITLE);
        assertThat(value(dataset, "description")).startsWith("Understanding cells as integrated systems");
        assertThat(values(dataset, "identifier")).containsExactly("https://doi.org/10.17867/test.idr0301", "idr:idr0301");
        assertThat(ids(dataset, "license")).containsExactly("https://creativecommons.org/licenses/by/4.0/");
        assertThat(ids(dataset, "url")).containsExactly("https://idr.openmicroscopy.org/search/?query=Name:idr0301");
        assertThat(ids(dataset, "sameAs")).containsExactly("https://idr.openmicroscopy.org/webclient/?show=screen-3");
        assertThat(value(dataset, "datePublished")).isEqualTo("2016-04-27");

        JsonObject orcidAuthor = nodes(dataset, "creator").get(1);
        assertThat(strings(orcidAuthor.getJsonArray("@type"))).containsExactly(SCHEMA + "Person");
        assertThat(orcidAuthor.getString("@id")).isEqualTo("https://orcid.org/0000-0002-6768-609X");
        JsonObject taxon = nodes(dataset, "about").get(0);
        assertThat(taxon.getString("@id")).isEqualTo("http://purl.obolibrary.org/obo/NCBITaxon_4896");
        assertThat(strings(taxon.getJsonArray("@type"))).containsExactly(SCHEMA + "Taxon");
        assertThat(value(taxon, "name")).isEqualTo("Schizosaccharomyces pombe");
        assertThat(nodes(dataset, "measurementTechnique").get(0).getString("@id"))
                .isEqualTo("http://purl.obolibrary.org/obo/FBbi_00000253");
        JsonObject article = nodes(dataset, "citation").get(0);
        assertThat(article.getString("@id")).isEqualTo("https://doi.org/10.1016/j.devcel.2014.09.005");
        JsonObject download = nodes(dataset, "distribution").get(0);
        assertThat(strings(download.getJsonArray("@type"))).containsExactly(SCHEMA + "DataDownload");
        assertThat(ids(download, "contentUrl")).containsExactly("https://ftp.ebi.ac.uk/pub/databases/IDR/idr0301");
        assertThat(value(download, "encodingFormat")).isEqualTo("OME-TIFF");
    }

    @Test
    void dataCiteJsonFollowsMetadataSchema4() {
        JsonPath doc = given().accept("application/vnd.datacite.datacite+json").get("/api/v1/datasets/{id}", ID)
                .then().statusCode(200).contentType("application/vnd.datacite.datacite+json")
                .extract().jsonPath();
        assertThat(doc.getString("doi")).isEqualTo("10.17867/test.idr0301");
        assertThat(doc.getString("id")).isEqualTo("https://doi.org/10.17867/test.idr0301");
        assertThat(doc.getString("types.resourceTypeGeneral")).isEqualTo("Dataset");
        assertThat(doc.getString("titles[0].title")).isEqualTo(IdrRecords.IDR0001_TITLE);
        assertThat(doc.getString("publisher.name")).isEqualTo("Image Data Resource");
        assertThat(doc.getString("publicationYear")).isEqualTo("2016");
        assertThat(doc.getString("creators[1].nameIdentifiers[0].nameIdentifier"))
                .isEqualTo("https://orcid.org/0000-0002-6768-609X");
        assertThat(doc.getString("creators[1].nameIdentifiers[0].nameIdentifierScheme")).isEqualTo("ORCID");
        assertThat(doc.getString("subjects.find { it.subjectScheme == 'NCBI Taxonomy' }.valueUri"))
                .isEqualTo("http://purl.obolibrary.org/obo/NCBITaxon_4896");
        assertThat(doc.getString("dates[0].dateType")).isEqualTo("Issued");
        assertThat(doc.getString("alternateIdentifiers[0].alternateIdentifier")).isEqualTo("idr0301");
        assertThat(doc.getString("relatedIdentifiers[0].relatedIdentifier")).isEqualTo("10.1016/j.devcel.2014.09.005");
        assertThat(doc.getString("relatedIdentifiers[0].relationType")).isEqualTo("IsSupplementTo");
        assertThat(doc.getList("sizes", String.class)).containsExactly("10060000000000 bytes", "109728 images");
        assertThat(doc.getString("rightsList[0].rightsIdentifier")).isEqualTo("cc-by-4.0");
        assertThat(doc.getString("descriptions[0].descriptionType")).isEqualTo("Abstract");
        assertThat(doc.getString("schemaVersion")).isEqualTo("http://datacite.org/schema/kernel-4");
    }

    @Test
    void plainJsonStaysTheDefaultAndErrorsStayProblems() {
        given().get("/api/v1/datasets/{id}", ID).then().statusCode(200).contentType("application/json")
                .body("id", equalTo(ID));
        given().accept("application/ld+json").get("/api/v1/datasets/bic-000000000000").then()
                .statusCode(404).contentType(Problem.MEDIA_TYPE);
    }

    @Test
    void listAsCsvHasAHeaderQuotedCellsAndALinkToTheNextPage() {
        var first = given().accept("text/csv").queryParam("source", "csvtest").queryParam("limit", 1)
                .get("/api/v1/datasets").then()
                .statusCode(200)
                .contentType(startsWith("text/csv"))
                .header("X-Total-Count", "2")
                .header("Link", containsString("rel=\"next\""))
                .extract();
        List<String> lines = List.of(first.asString().split("\r\n"));
        assertThat(lines.get(0)).isEqualTo("id,title,sources,doi,organisms,ncbiTaxonIds,imagingMethods,fbbiIds,"
                + "cellLines,cellosaurusIds,formats,formatIds,license,released,qualityScore,landingPage,url");
        assertThat(lines).hasSize(2);
        String link = first.header("Link");
        String next = link.substring(link.indexOf('<') + 1, link.indexOf('>'));
        String second = given().accept("text/csv").get(URI.create(next)).then().statusCode(200).extract().asString();
        String all = lines.get(1) + "\n" + second.split("\r\n")[1];
        // quoted, and neutralised: a spreadsheet would run a cell starting with "=" as a formula (CsvWriter)
        assertThat(all).contains(",\"'=Cells, \"\"stained\"\" twice\",");
        assertThat(all).contains(",Plain,csvtest:two,");
    }

    @Test
    void everyExportCarriesTermIdsWithTheirCanonicalNames() throws JsonLdError {
        String body = given().accept("application/ld+json").get("/api/v1/datasets/{id}", HARMONISED).then()
                .statusCode(200).extract().asString();
        JsonObject dataset = SchemaOrgJsonLd.expand(body).getJsonObject(0);
        JsonObject taxon = nodes(dataset, "about").get(0);
        assertThat(taxon.getString("@id")).isEqualTo("http://purl.obolibrary.org/obo/NCBITaxon_9606");
        assertThat(value(taxon, "name")).isEqualTo("Homo sapiens");
        assertThat(value(taxon, "alternateName")).isEqualTo("human");
        JsonObject cellLine = nodes(dataset, "about").get(1);
        assertThat(strings(cellLine.getJsonArray("@type"))).containsExactly(SCHEMA + "DefinedTerm");
        assertThat(value(cellLine, "termCode")).isEqualTo("CVCL_0030");
        assertThat(value(cellLine, "name")).isEqualTo("HeLa");
        assertThat(ids(cellLine, "inDefinedTermSet")).containsExactly("https://www.cellosaurus.org/");
        JsonObject technique = nodes(dataset, "measurementTechnique").get(0);
        assertThat(technique.getString("@id")).isEqualTo("http://purl.obolibrary.org/obo/FBbi_00000369");
        assertThat(value(technique, "termCode")).isEqualTo("FBbi:00000369");
        assertThat(value(technique, "name")).isEqualTo("selective plane illumination microscopy");
        assertThat(value(technique, "alternateName")).isEqualTo("SPIM");
        assertThat(ids(technique, "url")).containsExactly("http://purl.obolibrary.org/obo/FBbi_00000369");
        assertThat(value(nodes(dataset, "distribution").get(0), "encodingFormat")).isEqualTo("TIFF");

        JsonPath datacite = given().accept("application/vnd.datacite.datacite+json")
                .get("/api/v1/datasets/{id}", HARMONISED).then().statusCode(200).extract().jsonPath();
        assertThat(datacite.getString("subjects.find { it.subjectScheme == 'Cellosaurus' }.valueUri"))
                .isEqualTo("https://www.cellosaurus.org/CVCL_0030");
        assertThat(datacite.getString("subjects.find { it.subjectScheme == 'FBbi' }.subject"))
                .isEqualTo("selective plane illumination microscopy");
        assertThat(datacite.getString("subjects.find { it.subjectScheme == 'FBbi' }.schemeUri"))
                .isEqualTo("http://purl.obolibrary.org/obo/fbbi.owl");
        assertThat(datacite.getString("subjects.find { it.subjectScheme == 'NCBI Taxonomy' }.subject")).isEqualTo("Homo sapiens");
        assertThat(datacite.getString("subjects.find { it.subjectScheme == 'EDAM' }.valueUri"))
                .isEqualTo("http://edamontology.org/format_3591");
        assertThat(datacite.getString("subjects.find { it.subject == 'unmapped method' }.subjectScheme")).isNull();
        assertThat(datacite.getList("formats", String.class)).containsExactly("TIFF");

        String csv = given().accept("text/csv").queryParam("source", "termtest").get("/api/v1/datasets").then()
                .statusCode(200).extract().asString();
        assertThat(csv.split("\r\n")[1]).contains(",Homo sapiens,9606,selective plane illumination microscopy; unmapped method,"
                + "FBbi:00000369,HeLa,CVCL_0030,TIFF,format_3591,");

        String oai = given().queryParam("verb", "GetRecord").queryParam("metadataPrefix", "oai_datacite")
                .queryParam("identifier", "oai:bioimagecatalog.org:" + HARMONISED).get("/oai").then().statusCode(200)
                .extract().asString();
        assertThat(oai).contains("<subject subjectScheme=\"Cellosaurus\" schemeURI=\"https://www.cellosaurus.org/\" "
                + "valueURI=\"https://www.cellosaurus.org/CVCL_0030\">HeLa</subject>");
        assertThat(oai).contains("valueURI=\"http://purl.obolibrary.org/obo/NCBITaxon_9606\">Homo sapiens</subject>");
        assertThat(oai).contains("<format>TIFF</format>");
        String dc = given().queryParam("verb", "GetRecord").queryParam("metadataPrefix", "oai_dc")
                .queryParam("identifier", "oai:bioimagecatalog.org:" + HARMONISED).get("/oai").then().statusCode(200)
                .extract().asString();
        assertThat(dc).contains("<dc:subject>HeLa</dc:subject><dc:subject>https://www.cellosaurus.org/CVCL_0030</dc:subject>");
        assertThat(dc).contains("<dc:format>TIFF</dc:format>");
    }

    private static DatasetMetadata harmonised() {
        return DatasetMetadata.builder().title("Harmonised terms")
                .organism(new Organism("human", "9606", "Homo sapiens", "species", List.of()))
                .cellLine(new CellLine("HeLa cells", "CVCL_0030", "HeLa", "9606"))
                .imagingMethod(new ImagingMethod("SPIM", "FBbi:00000369", "selective plane illumination microscopy",
                        List.of(), null))
                .imagingMethod(new ImagingMethod("unmapped method", null))
                .format(new FileFormat("tif", "format_3591", "TIFF"))
                .accessUrl("https://example.org/termtest/one")
                .build();
    }

    private static DatasetMetadata metadata() {
        return IdrRecords.idr0001("idr0301")
                .creator(new Creator("Elçin Ünal", "0000-0002-6768-609X", "UC Berkeley", null, List.of("submitter")))
                .landingPage("https://idr.openmicroscopy.org/search/?query=Name:idr0301")
                .accessUrl("https://ftp.ebi.ac.uk/pub/databases/IDR/idr0301")
                .build();
    }

    private static String value(JsonObject node, String property) {
        return values(node, property).get(0);
    }

    private static List<String> values(JsonObject node, String property) {
        return nodes(node, property).stream().map(v -> v.getString("@value")).toList();
    }

    private static List<String> ids(JsonObject node, String property) {
        return nodes(node, property).stream().map(v -> v.getString("@id")).toList();
    }

    private static List<JsonObject> nodes(JsonObject node, String property) {
        JsonArray array = node.getJsonArray(SCHEMA + property);
        assertThat(array).as(property).isNotNull();
        return array.stream().map(JsonValue::asJsonObject).toList();
    }

    private static List<String> strings(JsonArray array) {
        return array.getValuesAs(jakarta.json.JsonString.class).stream().map(jakarta.json.JsonString::getString).toList();
    }
}
