package org.bioimagecatalog.search;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.bioimagecatalog.model.Creator;
import org.bioimagecatalog.model.DatasetMetadata;
import org.bioimagecatalog.model.Identifier;
import org.bioimagecatalog.model.ImagingMethod;
import org.bioimagecatalog.model.ModelJson;
import org.bioimagecatalog.model.Organism;
import org.bioimagecatalog.model.Publication;
import org.bioimagecatalog.model.events.DatasetChanged;
import org.bioimagecatalog.model.events.SourceRecordRef;
import org.bioimagecatalog.testsupport.StackTestResource;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Forgiving search on the real stack: a word typed so far, a typo, punctuation typed differently, a relaxed query
 * that says what it left out, "did you mean", identifiers in every form, where each hit's data lives, and the
 * point-in-time pool (counted through the index's search stats). The datasets are written in the shape
 * catalog-service publishes, with titles and identifiers of real studies (IDR, BIA, EMPIAR).
 */
@QuarkusTest
@QuarkusTestResource(StackTestResource.class)
@TestProfile(ForgivingSearchProfile.class)
class ForgivingSearchApiTest {
    private static final String SEARCH = "/api/v1/search";
    private static final int CORPUS = 6;
    private static boolean corpusIndexed;

    @ConfigProperty(name = "bic.elasticsearch.index-prefix")
    String indexPrefix;

    @ConfigProperty(name = "quarkus.elasticsearch.hosts")
    String esHosts;

    @TestHTTPResource("/widget/demo.html")
    java.net.URL demoPage;

    @BeforeEach
    void publishCorpusOnce() {
        if (corpusIndexed) {
            return;
        }
        try (TestPublisher publisher = new TestPublisher()) {
            publisher.dataset(event("bic-f-1", DatasetMetadata.builder()
                    .title("Virtual nanoscopy of the mouse glomerulus")
                    .description("Expansion microscopy of kidney sections resolves the slit diaphragm.")
                    .identifier(Identifier.of(Identifier.BIA, "S-BIAD15"))
                    .identifier(Identifier.of(Identifier.DOI, "10.6019/S-BIAD15"))
                    .publication(new Publication("10.1038/s41467-019-09999-z", null, null, null, 2019, null,
                            Publication.Relation.PRIMARY))
                    .organism(new Organism("mouse", "10090", "Mus musculus", "species", List.of()))
                    .imagingMethod(new ImagingMethod("expansion microscopy", null))
                    .build(), "bia:S-BIAD15"));
            publisher.dataset(event("bic-f-2", DatasetMetadata.builder()
                    .title("Imaging Mass Cytometry of human tonsil")
                    .description("Multiplexed metal-tagged antibody imaging of 1,008 regions of the cell’s"
                            + " microenvironment in tonsil tissue.")
                    .identifier(Identifier.of(Identifier.IDR, "idr0087"))
                    .identifier(Identifier.of(Identifier.DOI, "10.17867/10000138"))
                    .publication(new Publication(null, "32461684", "PMC7237323", null, 2020, null,
                            Publication.Relation.PRIMARY))
                    .creator(new Creator("Denis Schapiro", "0000-0002-1825-0097", null, null, List.of()))
                    .organism(new Organism("Homo sapiens", "9606"))
                    .build(), "idr:idr0087"));
            publisher.dataset(event("bic-f-3", DatasetMetadata.builder()
                    .title("A genome-wide RNAi screen for mitosis")
                    .description("Time-lapse imaging of HeLa cells after knock-down of each gene.")
                    .identifier(Identifier.of(Identifier.IDR, "idr0013"))
                    .keyword("mitosis")
                    .build(), "idr:idr0013"));
            publisher.dataset(event("bic-f-4", DatasetMetadata.builder()
                    .title("Mitoses in Drosophila neuroblasts")
                    .description("Spinning disk movies of dividing neuroblasts.")
                    .identifier(Identifier.of(Identifier.EMPIAR, "EMPIAR-10002"))
                    .build(), "empiar:EMPIAR-10002"));
            publisher.dataset(event("bic-f-5", DatasetMetadata.builder()
                    .title("Cell Painting of compound-treated U2OS cells")
                    .description("Five-channel Cell Painting images of 30,000 compounds.")
                    .identifier(Identifier.of("cpg", "cpg0016"))
                    .landingPage("https://cellpainting-gallery.s3.amazonaws.com/index.html#cpg0016-jump/")
                    .build(), "cpg:cpg0016"));
            publisher.dataset(event("bic-f-6", DatasetMetadata.builder()
                    .title("Nuclei of human cells")
                    .description("Fluorescent nuclei segmented by hand.")
                    .identifier(Identifier.of(Identifier.BBBC, "BBBC038"))
                    .build(), "bbbc:BBBC038"));
        }
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() ->
                given().get(SEARCH).then().statusCode(200).body("total", equalTo(CORPUS)));
        corpusIndexed = true;
    }

    @AfterAll
    static void removeIndex() {
        TestIndices.deleteOwnIndex();
    }

    private static JsonPath search(String q) {
        return given().queryParam("q", q).get(SEARCH).then().statusCode(200).extract().jsonPath();
    }

    private static String first(String q) {
        JsonPath answer = search(q);
        assertThat(answer.getInt("total")).as("total for [%s]", q).isPositive();
        return answer.getString("items[0].id");
    }

    @Test
    void theLastWordTypedSoFarIsAPrefix() {
        assertThat(first("Imaging Mass Cytometry of human tons")).isEqualTo("bic-f-2");
        assertThat(first("virtual nanoscopy of the mouse glom")).isEqualTo("bic-f-1");
    }

    @Test
    void aTypoStillFindsTheDatasetAndDidYouMeanCorrectsIt() {
        JsonPath answer = search("Virtual nanosocpy of the mouse glomerulus");
        assertThat(answer.getString("items[0].id")).isEqualTo("bic-f-1");
        assertThat(answer.getString("didYouMean")).isEqualTo("virtual nanoscopy of the mouse glomerulus");
        assertThat(search("virtual nanoscopy").getString("didYouMean")).isNull();
    }

    @Test
    void exactMatchesRankAboveTypoMatches() {
        JsonPath answer = search("mitosis");
        assertThat(answer.getList("items.id", String.class)).containsExactly("bic-f-3", "bic-f-4");
    }

    @Test
    void punctuationTypedDifferentlyDoesNotDecide() {
        for (String q : List.of("genome wide", "genomewide", "genome-wide screen", "A genome‑wide RNAi")) {
            assertThat(first(q)).as(q).isEqualTo("bic-f-3");
        }
        for (String q : List.of("1008 regions", "1,008 regions", "cell s microenvironment", "cell's microenvironment",
                "“cell’s” microenvironment")) {
            assertThat(first(q)).as(q).isEqualTo("bic-f-2");
        }
    }

    @Test
    void wordsThatMatchNothingTogetherAreRelaxedAndTheAnswerSaysWhich() {
        JsonPath answer = search("human tonsil xyzzyq");
        assertThat(answer.getInt("total")).isEqualTo(1);
        assertThat(answer.getString("items[0].id")).isEqualTo("bic-f-2");
        assertThat(answer.getList("relaxed.terms", String.class)).containsExactly("xyzzyq");
        assertThat(answer.getString("relaxed.showing")).isEqualTo("human tonsil");
        assertThat(answer.getString("relaxed.message")).startsWith("No dataset matches all of \"human tonsil xyzzyq\";"
                + " showing results for \"human tonsil\"");
        assertThat(answer.getString("cursor")).isNull();
        assertThat(search("tonsil").getString("relaxed")).isNull();
    }

    @Test
    void aQuotedPhraseThatMatchesNothingIsLoosenedToItsWordsAndTheAnswerSaysSo() {
        // the words are all in bic-f-2's title, but not in this order: the phrase alone would be a silent zero
        JsonPath loosened = search("\"human tonsil cytometry\"");
        assertThat(loosened.getList("items.id", String.class)).containsExactly("bic-f-2");
        assertThat(loosened.getList("relaxed.terms", String.class)).isEmpty();
        assertThat(loosened.getString("relaxed.message")).isEqualTo("No dataset matches \"human tonsil cytometry\" as written;"
                + " showing results with all of its words: human tonsil cytometry");
        // a pasted title with a quoted word and a typo, relaxed like plain words
        JsonPath relaxed = search("Imaging \"Mass\" Cytometry of human tonsil xyzzyq");
        assertThat(relaxed.getString("items[0].id")).isEqualTo("bic-f-2");
        assertThat(relaxed.getList("relaxed.terms", String.class)).containsExactly("xyzzyq");
        // other operators still mean what they say
        assertThat(search("tonsil -human").getInt("total")).isZero();
        assertThat(search("tonsil -human").getString("relaxed")).isNull();
    }

    @Test
    void identifiersInEveryFormGoStraightToTheirDataset() {
        List<String[]> cases = List.of(
                new String[] {"IDR0087", "bic-f-2"}, new String[] {"idr0087.", "bic-f-2"},
                new String[] {"https://idr.openmicroscopy.org/search/?query=Name:idr0087", "bic-f-2"},
                new String[] {"s-biad15", "bic-f-1"},
                new String[] {"https://www.ebi.ac.uk/biostudies/bioimages/studies/S-BIAD15", "bic-f-1"},
                new String[] {"empiar-10002", "bic-f-4"}, new String[] {"https://www.ebi.ac.uk/empiar/EMPIAR-10002/", "bic-f-4"},
                new String[] {"bbbc038", "bic-f-6"}, new String[] {"CPG0016", "bic-f-5"},
                new String[] {"https://doi.org/10.17867/10000138.", "bic-f-2"}, new String[] {"doi:10.17867/10000138", "bic-f-2"},
                new String[] {"10.6019/S-BIAD15", "bic-f-1"},
                new String[] {"https://doi.org/10.1038/s41467-019-09999-Z", "bic-f-1"},
                new String[] {"PMID: 32461684", "bic-f-2"}, new String[] {"32461684", "bic-f-2"},
                new String[] {"https://www.ncbi.nlm.nih.gov/pmc/articles/PMC7237323/", "bic-f-2"},
                new String[] {"https://orcid.org/0000-0002-1825-0097", "bic-f-2"});
        for (String[] c : cases) {
            JsonPath answer = search(c[0]);
            assertThat(answer.getList("items.id", String.class)).as(c[0]).containsExactly(c[1]);
        }
    }

    @Test
    void eachHitSaysWhereItsDataLives() {
        JsonPath answer = search("tonsil");
        assertThat(answer.getString("items[0].accessions[0].archive")).isEqualTo("idr");
        assertThat(answer.getString("items[0].accessions[0].accession")).isEqualTo("idr0087");
        assertThat(answer.getString("items[0].accessions[0].url"))
                .isEqualTo("https://idr.openmicroscopy.org/search/?query=Name:idr0087");
        assertThat(answer.getString("items[0].dataDoi.url")).isEqualTo("https://doi.org/10.17867/10000138");
        assertThat(answer.getString("items[0].publication.pmid")).isEqualTo("32461684");
        JsonPath mouse = search("glomerulus");
        assertThat(mouse.getList("items[0].organismNames", String.class)).containsExactly("Mus musculus");
        assertThat(mouse.getString("items[0].publication.url")).isEqualTo("https://doi.org/10.1038/s41467-019-09999-z");
        assertThat(search("cpg0016").getString("items[0].accessions[0].url"))
                .isEqualTo("https://cellpainting-gallery.s3.amazonaws.com/index.html#cpg0016-jump/");
    }

    @Test
    void followingOneFirstPageCursorThirtyTimesOpensOnePointInTimeAndTheLastPageClosesIt() throws Exception {
        String cursor = given().queryParam("size", 2).queryParam("sort", "newest").get(SEARCH).then().statusCode(200)
                .extract().path("cursor");
        int before = openContexts();
        for (int i = 0; i < 30; i++) {
            given().queryParam("cursor", cursor).get(SEARCH).then().statusCode(200).body("page", equalTo(2));
        }
        assertThat(openContexts() - before).isLessThanOrEqualTo(1);

        // walk to the end: the last page closes the point in time
        String next = given().queryParam("cursor", cursor).get(SEARCH).then().statusCode(200).extract().path("cursor");
        List<String> seen = new ArrayList<>();
        while (next != null) {
            JsonPath page = given().queryParam("cursor", next).get(SEARCH).then().statusCode(200).extract().jsonPath();
            seen.addAll(page.getList("items.id", String.class));
            next = page.getString("cursor");
        }
        assertThat(seen).hasSize(CORPUS - 4);
        assertThat(openContexts()).isLessThanOrEqualTo(before);
        // a follower of the closed point in time still gets its page, without one
        given().queryParam("cursor", cursor).get(SEARCH).then().statusCode(200).body("items.size()", equalTo(2));
    }

    @Test
    void distinctSearchesOpenNoMorePointsInTimeThanTheCapAndStillPage() throws Exception {
        int before = openContexts();
        for (int i = 0; i < 10; i++) {
            String cursor = given().queryParam("size", 1).queryParam("q", "-nothing" + i).get(SEARCH).then()
                    .statusCode(200).extract().path("cursor");
            given().queryParam("cursor", cursor).get(SEARCH).then().statusCode(200).body("items.size()", equalTo(1))
                    .body("page", equalTo(2));
        }
        assertThat(openContexts() - before).isLessThanOrEqualTo(ForgivingSearchProfile.PIT_MAX_OPEN);
    }

    @Test
    void widgetShowsAccessionsAndLinksToTheDatasetPage() throws Exception {
        Assumptions.assumeTrue(WidgetBrowser.available(), "skipped: /usr/bin/chromium or /usr/bin/chromedriver is"
                + " missing; run bin/lib/ensure-chromium.sh (Debian packages chromium and chromium-driver)");
        try (WidgetBrowser browser = WidgetBrowser.start()) {
            browser.open(demoPage + "?q=tonsil+xyzzyq");
            browser.untilStatus("1 dataset");
            var accession = browser.find("li.result .where a.accession");
            assertThat(accession.getText()).isEqualTo("idr0087");
            assertThat(accession.getAttribute("href")).isEqualTo("https://idr.openmicroscopy.org/search/?query=Name:idr0087");
            assertThat(browser.find("li.result .where a.doi").getAttribute("href"))
                    .isEqualTo("https://doi.org/10.17867/10000138");
            assertThat(browser.find("li.result h3 a").getAttribute("href")).endsWith("/datasets/bic-f-2");
            assertThat(browser.find(".notice .relaxed").getText()).contains("showing results for \"tonsil\"");
        }
    }

    /** Open search contexts of this test's index (point-in-time readers included), from its search stats. */
    private int openContexts() throws Exception {
        String host = esHosts.split(",")[0];
        String body = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://" + host + "/"
                + indexPrefix + "datasets/_stats/search")).GET().build(), HttpResponse.BodyHandlers.ofString()).body();
        return ModelJson.mapper().readTree(body).path("_all").path("total").path("search").path("open_contexts").asInt();
    }

    private static DatasetChanged event(String id, DatasetMetadata metadata, String sourceKey) {
        var source = new SourceRecordRef(sourceKey, sourceKey.substring(0, sourceKey.indexOf(':')),
                sourceKey.substring(sourceKey.indexOf(':') + 1), null);
        DatasetMetadata dated = metadata.toBuilder().released(LocalDate.of(2020, 1, Integer.parseInt(id.substring(6))))
                .build();
        return new DatasetChanged(UUID.randomUUID().toString(), DatasetChanged.SCHEMA_VERSION, id, Instant.now(),
                ModelJson.contentHash(dated), null, id, 1, List.of(source), dated);
    }
}
