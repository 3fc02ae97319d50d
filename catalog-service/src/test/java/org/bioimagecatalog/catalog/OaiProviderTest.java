package org.bioimagecatalog.catalog;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.io.StringReader;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.xpath.XPathConstants;
import javax.xml.xpath.XPathFactory;
import org.awaitility.Awaitility;
import org.bioimagecatalog.catalog.dataset.DatasetIds;
import org.bioimagecatalog.testsupport.StackTestResource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;

/** The OAI-PMH 2.0 provider: every verb, paging with resumptionToken, deleted records and protocol errors. */
@QuarkusTest
@QuarkusTestResource(StackTestResource.class)
class OaiProviderTest {
    private static final String SET = "source:oaitest";
    private static boolean published;

    @BeforeEach
    void publishThreeDatasetsOnce() {
        if (published) {
            return;
        }
        published = true;
        CatalogTopics.publish(
                IdrRecords.record("run-o", "oaitest", "a", IdrRecords.idr0001("oai-a").build()),
                IdrRecords.record("run-o", "oaitest", "b", IdrRecords.idr0001("oai-b").build()),
                IdrRecords.record("run-o", "oaitest", "c", IdrRecords.idr0001("oai-c").build()),
                IdrRecords.deleted("run-o", "oaitest", "c"));
        Awaitility.await().atMost(Duration.ofSeconds(30))
                .until(() -> given().get("/api/v1/datasets/{id}", DatasetIds.forSourceKey("oaitest:c")).statusCode() == 410
                        && given().queryParam("source", "oaitest").get("/api/v1/datasets").jsonPath().getInt("total") == 2);
    }

    @Test
    void identifyDescribesTheRepository() {
        Document doc = oai(Map.of("verb", "Identify"));
        assertThat(text(doc, "repositoryName")).isEqualTo("BioImage Catalog");
        assertThat(text(doc, "protocolVersion")).isEqualTo("2.0");
        assertThat(text(doc, "baseURL")).endsWith("/oai");
        assertThat(text(doc, "deletedRecord")).isEqualTo("persistent");
        assertThat(text(doc, "granularity")).isEqualTo("YYYY-MM-DDThh:mm:ssZ");
        assertThat(text(doc, "earliestDatestamp")).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ");
    }

    @Test
    void formatsAndSetsAreListed() {
        assertThat(texts(oai(Map.of("verb", "ListMetadataFormats")), "metadataPrefix"))
                .containsExactly("oai_dc", "oai_datacite");
        assertThat(texts(oai(Map.of("verb", "ListSets")), "setSpec")).contains(SET);
    }

    @Test
    void listRecordsPagesWithAResumptionTokenAndKeepsDeletedRecordsAsHeaders() {
        Document first = oai(Map.of("verb", "ListRecords", "metadataPrefix", "oai_dc", "set", SET));
        assertThat(headerIds(first)).hasSize(2);
        assertThat(attr(first, "resumptionToken", "completeListSize")).isEqualTo("3");
        String token = text(first, "resumptionToken");
        assertThat(token).isNotEmpty();
        assertThat(texts(first, "title")).containsOnly(IdrRecords.IDR0001_TITLE);

        Document second = oai(Map.of("verb", "ListRecords", "resumptionToken", token));
        List<String> ids = new ArrayList<>(headerIds(first));
        ids.addAll(headerIds(second));
        assertThat(ids).containsExactlyInAnyOrder(
                "oai:bioimagecatalog.org:" + DatasetIds.forSourceKey("oaitest:a"),
                "oai:bioimagecatalog.org:" + DatasetIds.forSourceKey("oaitest:b"),
                "oai:bioimagecatalog.org:" + DatasetIds.forSourceKey("oaitest:c"));
        assertThat(text(second, "resumptionToken")).isEmpty();

        Document headers = oai(Map.of("verb", "ListIdentifiers", "metadataPrefix", "oai_dc", "set", SET));
        Document rest = oai(Map.of("verb", "ListIdentifiers", "resumptionToken", text(headers, "resumptionToken")));
        List<String> deleted = new ArrayList<>(xpath(headers, "//*[local-name()='header'][@status='deleted']/*[local-name()='identifier']"));
        deleted.addAll(xpath(rest, "//*[local-name()='header'][@status='deleted']/*[local-name()='identifier']"));
        assertThat(deleted).containsExactly("oai:bioimagecatalog.org:" + DatasetIds.forSourceKey("oaitest:c"));
    }

    @Test
    void getRecordInDataCiteAndByPost() {
        String identifier = "oai:bioimagecatalog.org:" + DatasetIds.forSourceKey("oaitest:a");
        Document doc = oai(Map.of("verb", "GetRecord", "identifier", identifier, "metadataPrefix", "oai_datacite"));
        assertThat(xpath(doc, "//*[local-name()='resource']/*[local-name()='identifier'][@identifierType='DOI']"))
                .containsExactly("10.17867/test.oai-a");
        assertThat(text(doc, "publicationYear")).isEqualTo("2016");
        assertThat(xpath(doc, "//*[local-name()='subject'][@subjectScheme='NCBI Taxonomy']"))
                .containsExactly("Schizosaccharomyces pombe");

        String posted = given().contentType("application/x-www-form-urlencoded")
                .formParam("verb", "GetRecord").formParam("identifier", identifier).formParam("metadataPrefix", "oai_dc")
                .post("/oai").then().statusCode(200).extract().asString();
        assertThat(texts(parse(posted), "title")).containsExactly(IdrRecords.IDR0001_TITLE);
    }

    @Test
    void protocolErrorsAreOaiErrors() {
        assertThat(error(Map.of("verb", "Explode"))).isEqualTo("badVerb");
        assertThat(error(Map.of())).isEqualTo("badVerb");
        assertThat(error(Map.of("verb", "ListRecords"))).isEqualTo("badArgument");
        assertThat(error(Map.of("verb", "Identify", "set", "x"))).isEqualTo("badArgument");
        assertThat(error(Map.of("verb", "ListRecords", "metadataPrefix", "oai_dc", "from", "yesterday")))
                .isEqualTo("badArgument");
        assertThat(error(Map.of("verb", "ListRecords", "metadataPrefix", "marc21"))).isEqualTo("cannotDisseminateFormat");
        assertThat(error(Map.of("verb", "GetRecord", "identifier", "oai:bioimagecatalog.org:bic-000000000000",
                "metadataPrefix", "oai_dc"))).isEqualTo("idDoesNotExist");
        assertThat(error(Map.of("verb", "ListRecords", "resumptionToken", "forged"))).isEqualTo("badResumptionToken");
        assertThat(error(Map.of("verb", "ListRecords", "metadataPrefix", "oai_dc", "set", "source:nothing")))
                .isEqualTo("noRecordsMatch");
        assertThat(error(Map.of("verb", "ListRecords", "metadataPrefix", "oai_dc", "from", "2999-01-01")))
                .isEqualTo("noRecordsMatch");
    }

    /** The item identifiers (not the dc:identifier values inside the metadata). */
    private static List<String> headerIds(Document doc) {
        return xpath(doc, "//*[local-name()='header']/*[local-name()='identifier']");
    }

    private static String error(Map<String, String> params) {
        return attr(oai(params), "error", "code");
    }

    private static Document oai(Map<String, String> params) {
        String body = given().queryParams(params).get("/oai").then()
                .statusCode(200)
                .contentType("text/xml")
                .extract().asString();
        return parse(body);
    }

    private static Document parse(String xml) {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            return factory.newDocumentBuilder().parse(new InputSource(new StringReader(xml)));
        } catch (Exception e) {
            throw new AssertionError("not well-formed XML: " + xml, e);
        }
    }

    private static String text(Document doc, String localName) {
        List<String> values = texts(doc, localName);
        assertThat(values).as(localName).isNotEmpty();
        return values.get(0);
    }

    private static List<String> texts(Document doc, String localName) {
        return xpath(doc, "//*[local-name()='" + localName + "']");
    }

    private static String attr(Document doc, String localName, String attribute) {
        List<String> values = xpath(doc, "//*[local-name()='" + localName + "']/@" + attribute);
        assertThat(values).as(localName + "/@" + attribute).isNotEmpty();
        return values.get(0);
    }

    private static List<String> xpath(Document doc, String expression) {
        try {
            NodeList nodes = (NodeList) XPathFactory.newInstance().newXPath().evaluate(expression, doc, XPathConstants.NODESET);
            List<String> values = new ArrayList<>();
            for (int i = 0; i < nodes.getLength(); i++) {
                values.add(nodes.item(i).getTextContent());
            }
            return values;
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}
