package org.bioimagecatalog.e2e;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.apicatalog.jsonld.JsonLdError;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.json.JsonObject;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.bioimagecatalog.testsupport.Fixtures;
import org.bioimagecatalog.testsupport.HeadlessChromium;
import org.bioimagecatalog.testsupport.LocalStack;
import org.bioimagecatalog.testsupport.SchemaOrgJsonLd;
import org.bioimagecatalog.testsupport.TestApiKeys;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * The catalog in a browser, on the packaged system: the four services and the portal behind a private gateway, after
 * a harvest of the recorded IDR study files plus two garbled ones. Headless Chromium searches, filters, opens a
 * dataset page, cites it and reads its reuse; the steward dashboard shows the rejects; a merged-away id redirects;
 * the Atom feed parses; the sitemap lists every dataset; a curator signed in with an identity provider's access token
 * creates a collection and adds a dataset from the pages, and a submitter's key gets the API's 403 in words; axe-core
 * finds no serious or critical violation on any page type. Screenshots go to e2e-tests/target/screenshots (untracked).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PortalBrowserEndToEndTest {
    private static final Duration PIPELINE = Duration.ofMinutes(3);
    private static final Path SCREENSHOTS = LocalStack.repoDir().resolve("e2e-tests/target/screenshots");

    private RunningSystem system;
    private Gateway gateway;
    private HeadlessChromium chromium;
    private ChromeDriver browser;
    private WebDriverWait wait;
    private String axe;
    private int studies;
    private String idr0001;
    private final TestIdentityProvider identityProvider = new TestIdentityProvider();

    @BeforeAll
    void start(@org.junit.jupiter.api.io.TempDir Path harvestDir) throws IOException, InterruptedException {
        Path studyFiles = Fixtures.require("idr/study-files");
        Assumptions.assumeTrue(HeadlessChromium.available() || "true".equals(System.getenv("CI")),
                "no /usr/bin/chromium and /usr/bin/chromedriver (bin/lib/ensure-chromium.sh installs them): skipped");
        axe = Files.readString(axeCore());
        try (Stream<Path> files = Files.list(studyFiles)) {
            for (Path file : files.filter(p -> p.getFileName().toString().endsWith("-study.txt")).toList()) {
                Files.copy(file, harvestDir.resolve(file.getFileName()));
                studies++;
            }
        }
        // two records the harvester must reject, with their reasons, for the steward dashboard
        byte[] garbage = new byte[4096];
        new Random(7).nextBytes(garbage);
        Files.write(harvestDir.resolve("idr9998-study.txt"), garbage);
        Files.writeString(harvestDir.resolve("idr9999-study.txt"), "# Study\n");

        // OIDC on, trusting the test's identity provider: the pages take its access tokens as well as API keys
        system = RunningSystem.start(identityProvider.serviceConfig());
        JsonPath run = system.harvestIdr(harvestDir.toString(), PIPELINE);
        assertThat(run.getInt("rejected")).isEqualTo(2);
        await().atMost(PIPELINE).until(() -> total(system.search.baseUrl() + "/api/v1/search") == studies);
        idr0001 = given().baseUri(system.search.baseUrl()).queryParam("q", "Multiprocess survey").get("/api/v1/search")
                .then().statusCode(200).extract().jsonPath().getString("items[0].id");
        // the reuse tracker has recorded idr0001's primary publication (harvested with the study)
        // (a 404 until the tracker has read the dataset's event)
        await().atMost(PIPELINE).untilAsserted(() -> given().baseUri(system.reuse.baseUrl())
                .get("/api/v1/reuse/datasets/" + idr0001).then().statusCode(200)
                .body("counts.citations", org.hamcrest.Matchers.greaterThan(0)));
        system.startPortal();
        gateway = Gateway.start(system, "portal", "100r/s", 1000, "1m");
        chromium = HeadlessChromium.start();
        browser = chromium.driver();
        wait = new WebDriverWait(browser, Duration.ofSeconds(20), Duration.ofMillis(100));
    }

    @AfterAll
    void stop() {
        if (chromium != null) {
            chromium.close();
        }
        if (gateway != null) {
            gateway.close();
        }
        if (system != null) {
            system.close();
        }
    }

    @Test
    @Order(1)
    void searchFacetDatasetPageCiteAndReuse() throws IOException, JsonLdError {
        open("/");
        screenshot("portal-home.png");
        assertAccessible("home");
        browser.findElement(By.id("q")).sendKeys("Multiprocess survey");
        browser.findElement(By.cssSelector("form[role=search] button")).click();
        wait.until(d -> d.findElement(By.id("results-h")).getText().startsWith("Datasets found:"));
        assertAccessible("search");

        WebElement idrFacet = browser.findElements(By.cssSelector("aside.facets a")).stream()
                .filter(a -> a.getText().trim().equals("idr")).findFirst().orElseThrow();
        idrFacet.click();
        wait.until(d -> d.getCurrentUrl().contains("source=idr"));
        assertThat(browser.findElement(By.cssSelector(".filters")).getText()).contains("Archive: idr");
        screenshot("portal-search.png");

        browser.findElement(By.cssSelector(".hit h3 a[href='/datasets/" + idr0001 + "']")).click();
        wait.until(d -> d.getCurrentUrl().endsWith("/datasets/" + idr0001));
        assertThat(browser.findElement(By.tagName("h1")).getText()).contains("Multiprocess survey");
        assertThat(browser.findElement(By.cssSelector("#where")).getText()).contains("idr0001");
        String jsonLd = (String) ((JavascriptExecutor) browser).executeScript(
                "return document.querySelector('script[type=\"application/ld+json\"]').textContent");
        assertThat(JsonPath.from(jsonLd).getString("name")).contains("Multiprocess survey");
        assertThat(JsonPath.from(jsonLd).getMap("includedInDataCatalog")).containsEntry("@type", "DataCatalog");
        // it expands with a JSON-LD processor and carries the properties Google's Dataset guidelines require
        JsonObject expanded = SchemaOrgJsonLd.expand(jsonLd).getJsonObject(0);
        assertThat(expanded.getJsonArray("@type").getString(0)).isEqualTo(SchemaOrgJsonLd.SCHEMA + "Dataset");
        for (String required : List.of("name", "description", "identifier", "license", "creator", "url",
                "includedInDataCatalog")) {
            assertThat(expanded.containsKey(SchemaOrgJsonLd.SCHEMA + required)).as(required).isTrue();
        }
        assertAccessible("dataset");

        WebElement bibtex = browser.findElement(By.id("cite-bibtex"));
        assertThat(bibtex.isDisplayed()).isFalse();
        browser.findElement(By.xpath("//summary[text()='BibTeX']")).click();
        wait.until(d -> bibtex.isDisplayed());
        assertThat(bibtex.getText()).startsWith("@misc{" + idr0001);
        assertThat(browser.findElement(By.id("cite-text")).getText()).contains("Multiprocess survey").contains("IDR");

        WebElement reuse = browser.findElement(By.id("reuse"));
        ((JavascriptExecutor) browser).executeScript("arguments[0].scrollIntoView()", reuse);
        assertThat(reuse.getText()).contains("citing works").contains("PRIMARY").contains("evidence:");
        screenshot("portal-dataset.png");
    }

    @Test
    @Order(2)
    void theStewardDashboardShowsTheRunAndItsRejectsWithReasons() throws IOException {
        // anonymous: the run and that it rejected records, not which (run errors are an admin's, as in the API)
        open("/sources");
        assertThat(browser.findElement(By.tagName("main")).getText()).contains("PARTIAL")
                .contains("sign in with an admin key").doesNotContain("idr9998-study.txt");
        // an admin, signed in with the key kept in the portal's cookie, sees which records and why
        browser.manage().addCookie(new org.openqa.selenium.Cookie("bic_api_key", TestApiKeys.admin()));
        open("/sources");
        String page = browser.findElement(By.tagName("main")).getText();
        assertThat(page).contains("idr9998-study.txt").contains("idr9999-study.txt").contains("PARTIAL")
                .contains(studies + " datasets from " + studies + " records");
        List<WebElement> rejects = browser.findElements(By.cssSelector("ul.rejects li"));
        assertThat(rejects).hasSize(2).allSatisfy(li -> assertThat(li.getText()).matches("(?s).*study\\.txt: .+"));
        screenshot("portal-sources.png");
        assertAccessible("steward dashboard");
        browser.manage().deleteCookieNamed("bic_api_key");
    }

    @Test
    @Order(3)
    void creditPagesCollectionsWantedAndApiDocsAreAccessible() {
        open("/sources/idr");
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Archive idr");
        assertAccessible("archive credit page");
        open("/collections");
        assertAccessible("collections");
        open("/wanted");
        assertAccessible("wanted");
        open("/api/docs");
        wait.until(d -> !d.findElements(By.cssSelector("#swagger-ui .opblock")).isEmpty());
        assertThat(browser.findElement(By.id("swagger-ui")).getText()).contains("/api/v1/datasets");
        // the page's own markup; Swagger UI's rendering inside #swagger-ui is a third party's (portal/README.md)
        assertAccessible("API reference", "#swagger-ui");
    }

    @Test
    @Order(4)
    void aCuratorSignedInWithAnAccessTokenCreatesACollectionAndAddsADatasetAReaderWithoutTheRoleIsRefused()
            throws IOException {
        // sign in with the identity provider's access token, as a curator
        open("/signin?return=/collections");
        assertAccessible("sign-in");
        browser.findElement(By.id("key")).sendKeys(identityProvider.token("jane-curator", List.of("curator"),
                Duration.ofMinutes(30)));
        browser.findElement(By.cssSelector("form[action='/signin'] button")).click();
        wait.until(d -> d.getCurrentUrl().endsWith("/collections"));

        // create a collection from the page
        browser.findElement(By.id("new-title")).sendKeys("Yeast screens for the browser test");
        browser.findElement(By.id("new-description")).sendKeys("Made from the portal's form.");
        browser.findElement(By.cssSelector("form[action='/collections'] button")).click();
        wait.until(d -> d.getCurrentUrl().contains("/collections/col-") && d.getCurrentUrl().endsWith("?done=created"));
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Yeast screens for the browser test");
        String collection = browser.getCurrentUrl().replaceFirst("^.*/collections/", "").replaceFirst("\\?.*$", "");

        // add a dataset with a note, and see it on the page
        browser.findElement(By.id("add-id")).sendKeys(idr0001);
        browser.findElement(By.id("add-note")).sendKeys("the survey");
        browser.findElement(By.cssSelector("form[action$='/datasets'] button")).click();
        wait.until(d -> d.getCurrentUrl().endsWith("?done=added"));
        assertThat(browser.findElement(By.cssSelector("p.notice")).getText()).isEqualTo("Dataset added.");
        assertThat(browser.findElement(By.cssSelector("ol.collection-datasets")).getText())
                .contains("Multiprocess survey").contains("the survey");
        screenshot("portal-collection.png");
        assertAccessible("collection, signed in");
        // the API holds it, under the token's user
        JsonPath stored = given().baseUri(system.catalog.baseUrl()).get("/api/v1/collections/" + collection).then()
                .statusCode(200).extract().jsonPath();
        assertThat(stored.getList("datasets.datasetId", String.class)).containsExactly(idr0001);
        assertThat(stored.getString("createdBy")).isEqualTo("jane-curator");

        // a reader signed in with a submitter's API key may not curate: the API's 403 in words on the page
        open("/signin?return=/collections/" + collection);
        WebElement key = browser.findElement(By.id("key"));
        key.sendKeys(TestApiKeys.submitter());
        browser.findElement(By.cssSelector("form[action='/signin'] button")).click();
        wait.until(d -> d.getCurrentUrl().endsWith("/collections/" + collection));
        browser.findElement(By.id("add-id")).sendKeys(idr0001);
        browser.findElement(By.cssSelector("form[action$='/datasets'] button")).click();
        wait.until(d -> !d.findElements(By.cssSelector("p.error")).isEmpty());
        assertThat(browser.findElement(By.cssSelector("p.error")).getText())
                .startsWith("You are signed in, but without the role this needs (curator).");
        assertThat(browser.findElement(By.tagName("main")).getText()).doesNotContain("Exception");
        assertAccessible("collection with a refusal");
        given().baseUri(system.catalog.baseUrl()).get("/api/v1/collections/" + collection).then()
                .body("datasets.size()", org.hamcrest.Matchers.equalTo(1));
        // the board's forms for a signed-in reader (post, vote, status) are accessible too
        open("/wanted");
        assertThat(browser.findElement(By.id("post-h")).getText()).contains("Ask for");
        assertAccessible("wanted, signed in");

        open("/signin");
        browser.findElement(By.cssSelector("form[action='/signout'] button")).click();
        wait.until(d -> d.manage().getCookieNamed("bic_api_key") == null);
    }

    @Test
    @Order(5)
    void aMergedAwayIdRedirectsToTheDatasetItJoined() {
        String other = given().baseUri(system.search.baseUrl()).queryParam("q", "yeast").queryParam("size", "20")
                .get("/api/v1/search").then().statusCode(200).extract().jsonPath().getList("items.id", String.class)
                .stream().filter(id -> !id.equals(idr0001)).findFirst().orElseThrow();
        JsonPath outcome = given().baseUri(system.catalog.baseUrl()).contentType(ContentType.JSON)
                .header("Authorization", "Bearer " + TestApiKeys.admin()).body(Map.of("otherId", other))
                .post("/api/v1/datasets/" + idr0001 + "/join").then().statusCode(200).extract().jsonPath();
        String mergedAway = outcome.getList("mergedAway", String.class).get(0);
        String survivor = mergedAway.equals(idr0001) ? other : idr0001;

        open("/datasets/" + mergedAway);
        wait.until(d -> d.getCurrentUrl().endsWith("/datasets/" + survivor));
        assertThat(browser.findElement(By.tagName("h1")).getText()).isNotBlank();
        assertThat(given().redirects().follow(false).get(gateway.baseUrl() + "/datasets/" + mergedAway)
                .then().statusCode(301).extract().header("Location")).endsWith("/datasets/" + survivor);
    }

    @Test
    @Order(6)
    void theAtomFeedOfASearchParses() throws Exception {
        String feed = given().get(gateway.baseUrl() + "/search.atom?q=yeast").then().statusCode(200)
                .contentType("application/atom+xml").extract().asString();
        Document doc = xml(feed);
        assertThat(doc.getDocumentElement().getLocalName()).isEqualTo("feed");
        NodeList entries = doc.getElementsByTagNameNS("http://www.w3.org/2005/Atom", "entry");
        assertThat(entries.getLength()).isPositive();
        Element link = (Element) ((Element) entries.item(0)).getElementsByTagNameNS("http://www.w3.org/2005/Atom", "link").item(0);
        assertThat(link.getAttribute("href")).startsWith(gateway.baseUrl() + "/datasets/bic-");
    }

    @Test
    @Order(7)
    void theSitemapListsEveryDataset() throws Exception {
        Set<String> listed = new HashSet<>();
        NodeList sitemaps = xml(given().get(gateway.baseUrl() + "/sitemap.xml").then().statusCode(200).extract().asString())
                .getElementsByTagName("loc");
        for (int i = 0; i < sitemaps.getLength(); i++) {
            String page = given().get(sitemaps.item(i).getTextContent()).then().statusCode(200).extract().asString();
            NodeList locs = xml(page).getElementsByTagName("loc");
            for (int j = 0; j < locs.getLength(); j++) {
                listed.add(locs.item(j).getTextContent().replaceFirst("^.*/datasets/", ""));
            }
        }
        assertThat(listed).containsExactlyInAnyOrderElementsOf(system.catalogDatasets().stream().map(d -> d.getString("id")).toList());
        assertThat(given().get(gateway.baseUrl() + "/robots.txt").asString()).contains("Sitemap: " + gateway.baseUrl() + "/sitemap.xml");
    }

    private void open(String path) {
        browser.get(gateway.baseUrl() + path);
        wait.until(d -> "complete".equals(((JavascriptExecutor) d).executeScript("return document.readyState")));
    }

    /** axe-core's WCAG 2.x A/AA rules on the open page: no serious or critical violation. */
    private void assertAccessible(String page) {
        assertAccessible(page, null);
    }

    @SuppressWarnings("unchecked")
    private void assertAccessible(String page, String excluded) {
        JavascriptExecutor js = (JavascriptExecutor) browser;
        js.executeScript(axe);
        String context = excluded == null ? "document" : "{exclude: [['" + excluded + "']]}";
        Object found = js.executeAsyncScript("var done = arguments[arguments.length - 1];"
                + "axe.run(" + context + ", {runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']}})"
                + ".then(function (r) { done(r.violations.filter(function (v) { return v.impact === 'serious' || v.impact === 'critical'; })"
                + ".map(function (v) { return v.id + ' (' + v.impact + '): ' + v.nodes.map(function (n) { return n.target.join(' '); }).join(', '); })); })"
                + ".catch(function (e) { done(['axe failed: ' + e]); });");
        assertThat((List<String>) found).as("serious or critical axe-core violations on the %s page", page).isEmpty();
    }

    private void screenshot(String name) throws IOException {
        Files.createDirectories(SCREENSHOTS);
        Files.write(SCREENSHOTS.resolve(name), browser.getScreenshotAs(OutputType.BYTES));
    }

    private static long total(String url) {
        return given().queryParam("size", 1).get(url).then().statusCode(200).extract().jsonPath().getLong("total");
    }

    /** axe-core from the npm registry, installed locally by bin/lib/ensure-axe-core.sh (pinned there). */
    private static Path axeCore() throws IOException, InterruptedException {
        Process install = new ProcessBuilder("bash", LocalStack.repoDir().resolve("bin/lib/ensure-axe-core.sh").toString())
                .redirectErrorStream(true).start();
        List<String> lines = new String(install.getInputStream().readAllBytes(), StandardCharsets.UTF_8).lines().toList();
        if (install.waitFor() != 0 || lines.isEmpty()) {
            throw new IllegalStateException("ensure-axe-core.sh failed: " + String.join("\n", lines));
        }
        return Path.of(lines.get(lines.size() - 1).trim());
    }

    private static Document xml(String text) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        return factory.newDocumentBuilder().parse(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)));
    }
}
