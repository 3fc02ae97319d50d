package org.bioimagecatalog.portal;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;

/**
 * The portal's own rendering, over the hand-written API answers of {@link RecordedApi} (a pure rendering test: the
 * services are not running; the real round trip is PortalBrowserEndToEndTest in e2e-tests).
 */
@QuarkusTest
@QuarkusTestResource(value = RecordedApi.class, restrictToAnnotatedClass = true)
class PortalRenderingTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String ID = RecordedApi.SURVIVOR;

    @Test
    void landingPageShowsTheRecordWithOntologyLinksAndEveryArchive() {
        String html = given().get("/datasets/" + ID).then().statusCode(200).contentType("text/html").extract().asString();
        assertThat(html).contains("<h1>Fission yeast gene deletion screen for cell shape</h1>")
                .contains("https://www.ebi.ac.uk/biostudies/BioImages/studies/S-BIAD144")
                .contains("idr0001").contains("S-BIAD144")
                .contains("href=\"https://www.ncbi.nlm.nih.gov/Taxonomy/Browser/wwwtax.cgi?id=4896\">Schizosaccharomyces pombe</a>")
                .contains("(as given: S. pombe)")
                .contains("href=\"http://purl.obolibrary.org/obo/FBbi_00000253\">spinning disk confocal microscopy</a>")
                .contains("href=\"https://www.cellosaurus.org/CVCL_0030\"")
                .contains("href=\"http://edamontology.org/format_3727\">OME-TIFF</a>")
                .contains("href=\"https://orcid.org/0000-0002-1825-0097\"")
                .contains("href=\"https://creativecommons.org/licenses/by/4.0/\" rel=\"license\">CC-BY-4.0</a>")
                .contains("https://pubmed.ncbi.nlm.nih.gov/25373780/")
                // the description is escaped, never markup
                .contains("strains &lt;imaged&gt; with")
                .contains("Score <strong>83</strong>").contains("<li>size.bytes</li>")
                .contains("bia:S-BIAD144: Fission yeast screen")
                .contains("Version 3, 2026-12-01T09:30:00Z: license (from bia:S-BIAD144)")
                .contains("evidence: europepmc-text-mining: accession idr0001 in the methods section")
                .contains("<svg").contains("Reuses by year: 2019: 1, 2021: 1")
                .contains("href=\"/datasets/bic-99887766aabb\">Budding yeast morphology screen</a>");
    }

    @Test
    void landingPageCitesInFourFormats() {
        String html = given().get("/datasets/" + ID).then().statusCode(200).extract().asString();
        assertThat(html).contains("Graml, Veronika; Jason Swedlow (2016). Fission yeast gene deletion screen for cell shape. IDR. https://doi.org/10.17867/10000101")
                .contains("@misc{bic-0a1b2c3d4e5f,").contains("author = {Graml, Veronika and Jason Swedlow}")
                .contains("TY  - DATA").contains("DO  - 10.17867/10000101");
        Matcher csl = Pattern.compile("<pre id=\"cite-csl\">(.*?)</pre>", Pattern.DOTALL).matcher(html);
        assertThat(csl.find()).isTrue();
        JsonNode item = read(unescape(csl.group(1))).get(0);
        assertThat(item.path("type").asText()).isEqualTo("dataset");
        assertThat(item.path("DOI").asText()).isEqualTo("10.17867/10000101");
        assertThat(item.path("author").get(0).path("family").asText()).isEqualTo("Graml");
        assertThat(item.path("issued").path("date-parts").get(0).get(0).asInt()).isEqualTo(2016);
    }

    @Test
    void landingPageEmbedsTheCatalogsJsonLdWithGooglesRequiredProperties() {
        String html = given().get("/datasets/" + ID).then().statusCode(200).extract().asString();
        Matcher script = Pattern.compile("<script type=\"application/ld\\+json\">(.*?)</script>", Pattern.DOTALL).matcher(html);
        assertThat(script.find()).isTrue();
        // the "</script>" inside a value was escaped, so the element ends where the JSON ends
        JsonNode ld = read(script.group(1));
        assertThat(ld.path("@type").asText()).isEqualTo("Dataset");
        for (String required : List.of("name", "description", "identifier", "license", "creator", "url",
                "includedInDataCatalog")) {
            assertThat(ld.has(required)).as(required).isTrue();
        }
        assertThat(ld.path("description").asText()).contains("</script>");
    }

    @Test
    void landingPageAnswersWithSignpostingAndAlternates() {
        Response response = given().get("/datasets/" + ID);
        String link = response.getHeader("Link");
        assertThat(link).contains("<https://doi.org/10.17867/10000101>; rel=\"cite-as\"")
                .contains("/api/v1/datasets/" + ID + ">; rel=\"describedby\"; type=\"application/ld+json\"")
                .contains("rel=\"describedby\"; type=\"application/vnd.datacite.datacite+json\"")
                .contains("<https://creativecommons.org/licenses/by/4.0/>; rel=\"license\"")
                .contains("<https://idr.openmicroscopy.org/webclient/?show=screen-3>; rel=\"item\"")
                .contains("<https://orcid.org/0000-0002-1825-0097>; rel=\"author\"");
        assertThat(response.asString()).contains("<link rel=\"alternate\" type=\"application/json\"")
                .contains("<link rel=\"alternate\" type=\"application/vnd.datacite.datacite+json\"");
    }

    @Test
    void mergedAwayIdAnswers301ToTheSurvivorsPage() {
        Response response = given().redirects().follow(false).get("/datasets/" + RecordedApi.MERGED);
        assertThat(response.statusCode()).isEqualTo(301);
        assertThat(response.getHeader("Location")).endsWith("/datasets/" + ID);
        assertThat(response.asString()).contains("Dataset merged");
    }

    @Test
    void withdrawnIdAnswers410AsAPage() {
        given().get("/datasets/" + RecordedApi.WITHDRAWN).then().statusCode(410).contentType("text/html")
                .extract().asString().contains("was withdrawn by its archive");
        assertThat(given().get("/datasets/" + RecordedApi.WITHDRAWN).asString()).contains("was withdrawn by its archive");
    }

    @Test
    void archiveAccessionRedirectsToTheDatasetHoldingIt() {
        Response response = given().redirects().follow(false).get("/datasets/idr0001");
        assertThat(response.statusCode()).isEqualTo(302);
        assertThat(response.getHeader("Location")).endsWith("/datasets/" + ID);
        given().redirects().follow(false).get("/datasets/idr9999").then().statusCode(404);
    }

    @Test
    void searchPageShowsHitsFacetsRelaxationDidYouMeanAndNextPage() {
        RecordedApi.REQUESTS.clear();
        String html = given().queryParam("q", "fission yeast zebra").queryParam("organism", "4896").queryParam("page", "9")
                .queryParam("bogus", "1").get("/search").then().statusCode(200)
                .extract().asString();
        // the API's own parameters pass through, anything else does not
        assertThat(RecordedApi.REQUESTS).anySatisfy(r -> assertThat(java.net.URLDecoder.decode(r, StandardCharsets.UTF_8)).startsWith("/api/v1/search?")
                .contains("q=fission yeast zebra").contains("organism=4896").doesNotContain("bogus").doesNotContain("page="));
        assertThat(html).contains("Datasets found: 42")
                .contains("href=\"/datasets/bic-0a1b2c3d4e5f\">Fission yeast gene deletion screen for cell shape</a>")
                // a hit links its accessions, data DOI and publication, and shows canonical names, not the labels
                .contains("href=\"https://idr.openmicroscopy.org/search/?query=Name:idr0001\">idr idr0001</a>")
                .contains("href=\"https://doi.org/10.17867/10000101\">doi:10.17867/10000101</a>")
                .contains("publication <a href=\"https://doi.org/10.1038/ncb2097\">doi:10.1038/ncb2097</a>")
                .contains("<span class=\"tag org\">Schizosaccharomyces pombe</span>").doesNotContain("tag org\">S. pombe")
                .contains("showing results for &quot;fission yeast&quot; (without &quot;zebra&quot;)")
                .contains("Did you mean <a href=\"/search?q=fission+yeast\">fission yeast</a>?")
                // a selected value links to its removal, another value adds itself
                .contains("class=\"selected\"").contains("organism=4932").contains("Saccharomyces cerevisiae")
                // the filter in force is named by the facet's title and the id's canonical name
                .contains("Organism: Schizosaccharomyces pombe <span aria-hidden").doesNotContain("organism: 4896")
                // a hierarchical facet's broader groups filter with the facet's own parameter
                .contains("Groups (each with everything under it)").contains("organism=4896&amp;organism=4751\"")
                .contains(">Fungi</a>").contains("imagingMethod=FBbi%3A00000243").doesNotContain("organismParents")
                .contains("<h3>Cell line</h3>").contains("cellLine=CVCL_0030")
                .contains("source=idr").contains("minQuality=80").contains("releasedFrom=2016&amp;releasedTo=2016")
                .contains("cursor=c2VhcmNoLWN1cnNvcg").contains("rel=\"next\"")
                .contains("href=\"/search.atom?");
    }

    @Test
    void atomFeedOfTheSameSearchParsesWithOneEntryPerHit() throws Exception {
        RecordedApi.REQUESTS.clear();
        String xml = given().get("/search.atom?q=yeast").then().statusCode(200).contentType("application/atom+xml")
                .extract().asString();
        assertThat(RecordedApi.REQUESTS).anySatisfy(r -> assertThat(r).contains("q=yeast").contains("sort=newest"));
        Document feed = xml(xml);
        assertThat(feed.getDocumentElement().getLocalName()).isEqualTo("feed");
        assertThat(feed.getElementsByTagNameNS("http://www.w3.org/2005/Atom", "entry").getLength()).isEqualTo(2);
        assertThat(xml).contains("/datasets/bic-0a1b2c3d4e5f</id>").contains("<updated>2018-01-01T00:00:00Z</updated>");
    }

    @Test
    void homeShowsArchivesNewestAndMostReused() {
        String html = given().get("/").then().statusCode(200).extract().asString();
        assertThat(html).contains("<form action=\"/search\"").contains("href=\"/search?source=idr\">idr</a></th><td>118</td>")
                .contains("Newest datasets").contains("Most reused").contains("Fission yeast gene deletion screen")
                // when each archive was last harvested, and no word of a missing part
                .contains("<td><time datetime=\"2026-12-01T09:00:00Z\">2026-12-01T09:00:00Z</time></td>")
                .doesNotContain("Part of this page is missing").doesNotContain("Not shown");
    }

    @Test
    void stewardDashboardShowsRunsRejectsAndQuality() {
        RecordedApi.REQUESTS.clear();
        String html = given().get("/sources").then().statusCode(200).extract().asString();
        // the run list carries no errors: the dashboard read the run itself
        assertThat(RecordedApi.REQUESTS).contains("/api/v1/harvest/runs/run-2");
        assertThat(html).contains("<code>idr0099-study.txt</code>: no Study Title line: not an IDR study file")
                .contains("SUCCEEDED").contains("118 datasets from 120 records")
                // a run's rejected count links to the rejects and their reasons
                .contains("<td><a href=\"#rejects-idr\">3</a></td>").contains("<h3 id=\"rejects-idr\">Rejected records</h3>")
                .doesNotContain("Not shown")
                .contains("score ≥ 80: 12 datasets")
                .contains("funding: 2")
                .contains("href=\"/datasets/bic-99887766aabb#quality\">Budding yeast morphology screen</a>: score 61")
                // the catalog's unresolved vocabulary labels, escaped, each a search for the datasets that carry it
                .contains("<th scope=\"row\">organisms</th><td>130</td><td>127</td>")
                .contains("<a href=\"/search?q=yeast+%26+friends\">yeast &amp; friends</a> (2)");
    }

    @Test
    void creditPagesOfAProducerAndAnArchive() {
        String producer = given().get("/producers/0000-0002-1825-0097").then().statusCode(200).extract().asString();
        assertThat(producer).contains("Veronika Graml").contains("/api/v1/reuse/producers/0000-0002-1825-0097/datasets.csv")
                .contains("/api/v1/reuse/datasets/bic-0a1b2c3d4e5f/scholix").contains("<svg");
        String archive = given().get("/sources/idr").then().statusCode(200).extract().asString();
        assertThat(archive).contains("Archive idr").contains("/api/v1/reuse/repositories/idr/datasets.csv");
        given().get("/producers/0000-0000-0000-0000").then().statusCode(404);
    }

    @Test
    void sitemapIndexAndPagesListEveryDataset() throws Exception {
        String index = given().get("/sitemap.xml").then().statusCode(200).extract().asString();
        Document doc = xml(index);
        String loc = doc.getElementsByTagName("loc").item(0).getTextContent();
        // absolute links keep the port the client used, and follow the scheme and host a proxy forwards
        assertThat(loc).isEqualTo("http://localhost:" + io.restassured.RestAssured.port + "/sitemaps/datasets-1.xml");
        assertThat(given().header("X-Forwarded-Proto", "https").header("X-Forwarded-Host", "catalog.example.org")
                .get("/robots.txt").asString()).contains("Sitemap: https://catalog.example.org/sitemap.xml");
        // a proxy that forwards the scheme and the Host with its port (the gateway): the port stays
        assertThat(given().header("X-Forwarded-Proto", "http").header("Host", "127.0.0.1:45927")
                .get("/robots.txt").asString()).contains("Sitemap: http://127.0.0.1:45927/sitemap.xml");
        String page = given().get("/sitemaps/datasets-1.xml").then().statusCode(200).extract().asString();
        assertThat(xml(page).getElementsByTagName("url").getLength()).isEqualTo(2);
        assertThat(page).contains("/datasets/bic-0a1b2c3d4e5f</loc>").contains("/datasets/bic-99887766aabb</loc>");
        given().get("/sitemaps/datasets-2.xml").then().statusCode(404);
        assertThat(given().get("/robots.txt").asString()).contains("Sitemap: http").contains("/sitemap.xml");
    }

    @Test
    void collectionsWantedAndApiDocsRender() {
        assertThat(given().get("/collections").then().statusCode(200).extract().asString())
                .contains("href=\"/collections/datathon-2026\">Datathon 2026: yeast shape</a>");
        assertThat(given().get("/wanted").then().statusCode(200).extract().asString())
                .contains("Time-lapse of zebrafish heart development").contains("12 votes");
        String docs = given().get("/api/docs").then().statusCode(200).extract().asString();
        Matcher bundle = Pattern.compile("src=\"(/webjars/swagger-ui/[^\"]+/swagger-ui-bundle.js)\"").matcher(docs);
        assertThat(bundle.find()).isTrue();
        given().get(bundle.group(1)).then().statusCode(200);
        assertThat(docs).contains("data-openapi=\"/api/v1/openapi\"");
    }

    @Test
    void signedInUsersPostAndVoteWithTheirKeyAndTheApisRefusalIsShown() {
        // not signed in: the board reads, the write forms are not there, a post goes to the sign-in page
        assertThat(given().get("/wanted").asString()).contains("sign in with your API key").doesNotContain("Post the request");
        given().redirects().follow(false).formParam("title", "x").post("/wanted").then().statusCode(303)
                .header("Location", org.hamcrest.Matchers.endsWith("/signin?return=%2Fwanted"));

        Response signIn = given().redirects().follow(false).formParam("key", RecordedApi.SUBMITTER_KEY)
                .formParam("return", "/wanted").post("/signin");
        assertThat(signIn.statusCode()).isEqualTo(303);
        // relative, so the browser keeps the scheme, host and port it used in front of any proxy
        assertThat(signIn.getHeader("Location")).isEqualTo("/wanted");
        assertThat(signIn.getHeader("Set-Cookie")).contains("bic_api_key=" + RecordedApi.SUBMITTER_KEY)
                .containsIgnoringCase("HttpOnly").containsIgnoringCase("SameSite=Strict").contains("Max-Age=2592000");
        // a "return" to another site is not followed
        assertThat(given().redirects().follow(false).formParam("key", "k").formParam("return", "//evil.example/")
                .post("/signin").getHeader("Location")).endsWith("/");

        RecordedApi.WRITES.clear();
        assertThat(given().cookie("bic_api_key", RecordedApi.SUBMITTER_KEY).get("/wanted").asString()).contains("Post the request")
                .contains("action=\"/wanted/7/vote\"").contains("action=\"/wanted/7/unvote\"")
                .contains("action=\"/wanted/7/status\"").contains("<option value=\"open\" selected>");
        given().redirects().follow(false).cookie("bic_api_key", RecordedApi.SUBMITTER_KEY).formParam("kind", "pipeline")
                .formParam("title", "Nucleus segmentation for light sheet").formParam("tags", "segmentation, light sheet")
                .post("/wanted").then().statusCode(303).header("Location", "/wanted?done=posted");
        given().redirects().follow(false).cookie("bic_api_key", RecordedApi.SUBMITTER_KEY).post("/wanted/7/vote")
                .then().statusCode(303).header("Location", "/wanted?done=voted");
        given().redirects().follow(false).cookie("bic_api_key", RecordedApi.SUBMITTER_KEY).post("/wanted/7/unvote")
                .then().statusCode(303).header("Location", "/wanted?done=unvoted");
        assertThat(given().get("/wanted?done=voted").asString()).contains("<p class=\"notice\" role=\"status\">Your vote is counted.</p>");
        // the poster or a curator marks it fulfilled by a dataset (a dataset request names the dataset)
        given().redirects().follow(false).cookie("bic_api_key", RecordedApi.SUBMITTER_KEY).formParam("kind", "dataset")
                .formParam("status", "fulfilled").formParam("fulfilledBy", " bic-0a1b2c3d4e5f ").post("/wanted/7/status")
                .then().statusCode(303).header("Location", "/wanted?done=status");
        // a curator creates a collection and lands on its page
        assertThat(given().cookie("bic_api_key", RecordedApi.SUBMITTER_KEY).get("/collections").asString())
                .contains("action=\"/collections\" method=\"post\"");
        given().redirects().follow(false).cookie("bic_api_key", RecordedApi.SUBMITTER_KEY)
                .formParam("title", "Datathon 2026").formParam("description", "Plates for the challenge")
                .post("/collections").then().statusCode(303).header("Location", "/collections/8?done=created");
        assertThat(RecordedApi.WRITES).containsExactly(
                "POST /api/v1/wanted {\"kind\":\"pipeline\",\"title\":\"Nucleus segmentation for light sheet\",\"tags\":[\"segmentation\",\"light sheet\"]}",
                "PUT /api/v1/wanted/7/vote ",
                "DELETE /api/v1/wanted/7/vote ",
                "POST /api/v1/wanted/7/status {\"status\":\"fulfilled\",\"fulfilledByDataset\":\"bic-0a1b2c3d4e5f\"}",
                "POST /api/v1/collections {\"title\":\"Datathon 2026\",\"description\":\"Plates for the challenge\"}");

        // a key the API refuses: its words on the page, with its status
        String refused = given().cookie("bic_api_key", "someone-else").post("/wanted/7/vote").then().statusCode(403)
                .extract().asString();
        assertThat(refused).contains("You are signed in, but without the role this needs (submitter).")
                .contains("this key may not PUT /api/v1/wanted/7/vote.");
        assertThat(given().cookie("bic_api_key", "someone-else").formParam("status", "in_progress").post("/wanted/7/status")
                .then().statusCode(403).extract().asString())
                .contains("without the role this needs (the key or account that posted the request, or curator).");
    }

    @Test
    void curatorsAddRemoveEditAndDeleteFromTheCollectionsPage() {
        String id = "datathon-2026";
        String anonymous = given().get("/collections/" + id).then().statusCode(200).extract().asString();
        assertThat(anonymous).contains("Fission yeast gene deletion screen").contains(": the reference screen")
                .contains("href=\"/signin?return=/collections/datathon-2026\"").doesNotContain("<form action=\"/collections/");
        String page = given().cookie("bic_api_key", RecordedApi.SUBMITTER_KEY).get("/collections/" + id).then()
                .statusCode(200).extract().asString();
        assertThat(page).contains("action=\"/collections/datathon-2026/datasets\" method=\"post\"")
                .contains("action=\"/collections/datathon-2026/datasets/bic-0a1b2c3d4e5f/remove\"")
                .contains("action=\"/collections/datathon-2026\" method=\"post\"")
                .contains("value=\"Datathon 2026: yeast shape\"").contains("value=\"Imaging Datathon\"")
                .contains("action=\"/collections/datathon-2026/delete\"");

        RecordedApi.WRITES.clear();
        given().redirects().follow(false).cookie("bic_api_key", RecordedApi.SUBMITTER_KEY)
                .formParam("datasetId", " bic-99887766aabb ").formParam("note", "budding yeast for contrast")
                .post("/collections/" + id + "/datasets").then().statusCode(303)
                .header("Location", "/collections/datathon-2026?done=added");
        assertThat(given().get("/collections/" + id + "?done=added").asString()).contains("Dataset added.");
        given().redirects().follow(false).cookie("bic_api_key", RecordedApi.SUBMITTER_KEY)
                .post("/collections/" + id + "/datasets/bic-0a1b2c3d4e5f/remove").then().statusCode(303)
                .header("Location", "/collections/datathon-2026?done=removed");
        given().redirects().follow(false).cookie("bic_api_key", RecordedApi.SUBMITTER_KEY)
                .formParam("title", "Datathon 2026: yeast shapes").formParam("description", "")
                .formParam("curator", "Imaging Datathon").post("/collections/" + id).then().statusCode(303)
                .header("Location", "/collections/datathon-2026?done=updated");
        // deleting needs the box ticked: without it nothing is sent
        assertThat(given().cookie("bic_api_key", RecordedApi.SUBMITTER_KEY).post("/collections/" + id + "/delete")
                .then().statusCode(422).extract().asString()).contains("Tick the box");
        given().redirects().follow(false).cookie("bic_api_key", RecordedApi.SUBMITTER_KEY).formParam("confirm", "yes")
                .post("/collections/" + id + "/delete").then().statusCode(303).header("Location", "/collections?done=deleted");
        assertThat(given().get("/collections?done=deleted").asString()).contains("The collection was deleted");
        assertThat(RecordedApi.WRITES).containsExactly(
                "POST /api/v1/collections/datathon-2026/datasets {\"datasetId\":\"bic-99887766aabb\",\"note\":\"budding yeast for contrast\"}",
                "DELETE /api/v1/collections/datathon-2026/datasets/bic-0a1b2c3d4e5f ",
                "PUT /api/v1/collections/datathon-2026 {\"title\":\"Datathon 2026: yeast shapes\",\"curator\":\"Imaging Datathon\"}",
                "DELETE /api/v1/collections/datathon-2026 ");
        // a notice is one of the page's own texts, never what the address says
        assertThat(given().get("/collections?done=%3Cscript%3E").asString()).doesNotContain("class=\"notice\"").doesNotContain("<script>");
        given().get("/collections/no-such-collection").then().statusCode(404);
    }

    @Test
    void theApisRefusalsAreShownInWordsWithWhatWasEntered() {
        String id = "datathon-2026";
        RecordedApi.WRITES.clear();
        // 403: a key without the curator role
        String forbidden = given().cookie("bic_api_key", "a-submitters-key").formParam("datasetId", "bic-99887766aabb")
                .post("/collections/" + id + "/datasets").then().statusCode(403).extract().asString();
        assertThat(forbidden).contains("<p class=\"error\" role=\"alert\">You are signed in, but without the role this needs (curator).");
        // 404: the request is gone
        assertThat(given().cookie("bic_api_key", RecordedApi.SUBMITTER_KEY).post("/wanted/404/vote").then().statusCode(404)
                .extract().asString()).contains("Not found: it may have been removed meanwhile. no request has the id 404.");
        // 409: changed meanwhile, and the edit form keeps what was typed
        String conflict = given().cookie("bic_api_key", RecordedApi.SUBMITTER_KEY).formParam("title", "conflict & more")
                .formParam("curator", "Jane").post("/collections/" + id).then().statusCode(409).extract().asString();
        assertThat(conflict).contains("It changed meanwhile: reload the page and try again. the collection changed while this was sent.")
                .contains("value=\"conflict &amp; more\"").contains("value=\"Jane\"");
        // 422: the API's field error, and the dataset id stays in the form
        String invalid = given().cookie("bic_api_key", RecordedApi.SUBMITTER_KEY).formParam("datasetId", RecordedApi.UNKNOWN_DATASET)
                .formParam("note", "<b>why</b>").post("/collections/" + id + "/datasets").then().statusCode(422).extract().asString();
        assertThat(invalid).contains("The API could not use what was entered. The dataset cannot be added. datasetId: no live dataset has the id "
                + RecordedApi.UNKNOWN_DATASET).contains("value=\"" + RecordedApi.UNKNOWN_DATASET + "\"")
                .contains("value=\"&lt;b&gt;why&lt;/b&gt;\"");
        for (String html : List.of(forbidden, conflict, invalid)) {
            assertThat(html).doesNotContain("Exception").doesNotContain("at org.");
        }
        assertThat(RecordedApi.WRITES).isEmpty();
    }

    @Test
    void formsSentFromAnotherSiteAreRefusedBeforeAnyWrite() {
        String self = "http://localhost:" + io.restassured.RestAssured.port;
        RecordedApi.WRITES.clear();
        for (var header : List.of(new io.restassured.http.Header("Origin", "http://evil.example"),
                new io.restassured.http.Header("Origin", "null"),
                new io.restassured.http.Header("Origin", "http://localhost:1"),
                new io.restassured.http.Header("Referer", "https://evil.example/page"))) {
            String page = given().header(header).cookie("bic_api_key", RecordedApi.SUBMITTER_KEY).post("/wanted/7/vote")
                    .then().statusCode(403).extract().asString();
            assertThat(page).as(header.toString()).contains("Form sent from another site");
        }
        // the sign-in form too (a forged sign-in would put the victim in the attacker's account)
        given().header("Origin", "http://evil.example").formParam("key", "attackers-key").post("/signin").then().statusCode(403)
                .header("Set-Cookie", org.hamcrest.Matchers.nullValue());
        assertThat(RecordedApi.WRITES).isEmpty();
        // from the site itself, as the browser addressed it directly or through a proxy
        given().redirects().follow(false).header("Origin", self).cookie("bic_api_key", RecordedApi.SUBMITTER_KEY)
                .post("/wanted/7/vote").then().statusCode(303);
        given().redirects().follow(false).header("Referer", self + "/wanted").cookie("bic_api_key", RecordedApi.SUBMITTER_KEY)
                .post("/wanted/7/vote").then().statusCode(303);
        given().redirects().follow(false).header("Origin", "https://catalog.example.org").header("X-Forwarded-Proto", "https")
                .header("X-Forwarded-Host", "catalog.example.org").cookie("bic_api_key", RecordedApi.SUBMITTER_KEY)
                .post("/wanted/7/vote").then().statusCode(303);
        assertThat(RecordedApi.WRITES).hasSize(3);
    }

    @Test
    void signInWithAnAccessTokenForwardsItAsABearerUntilItExpires() {
        // the cookie of a token ends when the token does (its exp claim, read without verifying: the API verifies)
        long exp = java.time.Instant.now().getEpochSecond() + 600;
        Response signIn = given().redirects().follow(false).formParam("key", jwt(exp)).formParam("return", "/collections")
                .post("/signin");
        assertThat(signIn.statusCode()).isEqualTo(303);
        Matcher maxAge = Pattern.compile("Max-Age=(\\d+)").matcher(signIn.getHeader("Set-Cookie"));
        assertThat(maxAge.find()).isTrue();
        assertThat(Long.parseLong(maxAge.group(1))).isBetween(500L, 600L);
        assertThat(given().cookie("bic_api_key", jwt(exp)).get("/signin").asString())
                .contains("You are signed in with an access token (until " + java.time.Instant.ofEpochSecond(exp) + ")");
        // an expired token, or something that is not a credential, is refused on the sign-in page
        assertThat(given().formParam("key", jwt(exp - 1200)).post("/signin").then().statusCode(422)
                .header("Set-Cookie", org.hamcrest.Matchers.nullValue()).extract().asString()).contains("This access token expired at");
        assertThat(given().formParam("key", "two words; x=1").post("/signin").then().statusCode(422).extract().asString())
                .contains("neither an API key nor an access token");

        RecordedApi.WRITES.clear();
        RecordedApi.AUTHORIZATIONS.clear();
        given().redirects().follow(false).cookie("bic_api_key", RecordedApi.ACCESS_TOKEN).formParam("title", "By token")
                .post("/collections").then().statusCode(303);
        assertThat(RecordedApi.AUTHORIZATIONS).containsExactly("Bearer " + RecordedApi.ACCESS_TOKEN);
    }

    @Test
    void anArchivesPageListsItsOwnUnresolvedLabels() {
        RecordedApi.REQUESTS.clear();
        String html = given().get("/sources/idr").then().statusCode(200).extract().asString();
        assertThat(RecordedApi.REQUESTS).contains("/api/v1/datasets/harmony?top=10&source=idr");
        assertThat(html).contains("id=\"vocabulary-h\"").contains("Over the 118 datasets holding a record of idr")
                .contains("<a href=\"/search?q=yeast+%26+friends&amp;source=idr\">yeast &amp; friends</a> (2)");
        assertThat(given().get("/sources").asString()).contains("href=\"/sources/idr#vocabulary-h\"");
    }

    /** An unsigned JWT-shaped token with this expiry: the portal reads exp only to time its cookie. */
    private static String jwt(long exp) {
        java.util.Base64.Encoder b64 = java.util.Base64.getUrlEncoder().withoutPadding();
        return b64.encodeToString("{\"alg\":\"RS256\"}".getBytes(StandardCharsets.UTF_8)) + "."
                + b64.encodeToString(("{\"sub\":\"jane\",\"exp\":" + exp + "}").getBytes(StandardCharsets.UTF_8)) + ".c2ln";
    }

    private static JsonNode read(String json) {
        try {
            return JSON.readTree(json);
        } catch (java.io.IOException e) {
            throw new AssertionError("not JSON: " + json, e);
        }
    }

    private static String unescape(String html) {
        return html.replace("&quot;", "\"").replace("&lt;", "<").replace("&gt;", ">").replace("&#39;", "'").replace("&amp;", "&");
    }

    private static Document xml(String text) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        return factory.newDocumentBuilder().parse(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)));
    }
}
