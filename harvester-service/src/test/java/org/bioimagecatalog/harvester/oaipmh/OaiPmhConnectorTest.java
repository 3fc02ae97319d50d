package org.bioimagecatalog.harvester.oaipmh;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.bioimagecatalog.harvester.replay.Cassette;
import org.bioimagecatalog.harvester.replay.CassetteReplayServer.Answer;
import org.bioimagecatalog.harvester.replay.CassetteReplayServer;
import org.bioimagecatalog.harvester.replay.ReplayHttp;
import org.bioimagecatalog.harvester.run.HarvestedItem;
import org.bioimagecatalog.harvester.run.LocationUnreadableException;
import org.bioimagecatalog.harvester.run.PageEntry;
import org.bioimagecatalog.harvester.run.PageReader;
import org.bioimagecatalog.harvester.run.RecordRejectedException;
import org.bioimagecatalog.http.client.HttpSettings;
import org.bioimagecatalog.http.client.PoliteHttpClient;
import org.bioimagecatalog.model.Creator;
import org.bioimagecatalog.model.DatasetMetadata;
import org.bioimagecatalog.model.Identifier;
import org.bioimagecatalog.model.License;
import org.bioimagecatalog.testsupport.Fixtures;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The OAI-PMH connector against Zenodo's recorded {@code /oai2d} answers, replayed over loopback HTTP. */
class OaiPmhConnectorTest {
    private static final String ZENODO = "https://zenodo.org/oai2d";

    private final OaiPmhConnector connector = new OaiPmhConnector(ReplayHttp.client());
    private CassetteReplayServer server;

    @BeforeEach
    void replay() {
        server = CassetteReplayServer.replay(cassette("list_records.yaml"), cassette("identify.yaml"));
    }

    @AfterEach
    void stop() {
        if (server != null) { // null when the test was skipped for want of ../shared
            server.close();
        }
    }

    @Test
    void listRecordsFollowsResumptionTokensAloneToTheLastPageAndReportsDeletedRecords() throws Exception {
        PageReader pages = connector.openPages(server.url(ZENODO + "?metadataPrefix=oai_dc"), Optional.empty());

        List<List<PageEntry>> all = readAll(pages);

        assertThat(all).hasSize(3).allSatisfy(page -> assertThat(page).hasSize(3));
        List<PageEntry> entries = all.stream().flatMap(List::stream).toList();
        assertThat(entries).filteredOn(e -> e instanceof PageEntry.Deleted)
                .containsExactly(new PageEntry.Deleted("oai:zenodo.org:8433364",
                        server.url(ZENODO + "?verb=GetRecord&metadataPrefix=oai_dc&identifier=oai%3Azenodo.org%3A8433364")));
        assertThat(items(entries)).extracting(HarvestedItem::nativeId).containsExactly(
                "oai:zenodo.org:8435696", "oai:zenodo.org:8435639", "oai:zenodo.org:8433301",
                "oai:zenodo.org:8333281", "oai:zenodo.org:8321258",
                "oai:zenodo.org:20589672", "oai:zenodo.org:20590449", "oai:zenodo.org:20565714");
        assertThat(server.requests()).hasSize(3);
        assertThat(server.requests().get(0)).isEqualTo("/oai2d?verb=ListRecords&metadataPrefix=oai_dc");
        assertThat(server.requests().subList(1, 3)).allSatisfy(request ->
                assertThat(request).startsWith("/oai2d?verb=ListRecords&resumptionToken=.eJwlzEuOgjAAANC7dG0m")
                        .doesNotContain("metadataPrefix"));
        assertThat(pages.checkpoint()).contains("2026-08-13T17:56:48Z");
    }

    @Test
    void oaiDcRecordsAreMappedWithDoiLicenceAndDates() throws Exception {
        PageReader pages = connector.openPages(server.url(ZENODO + "?metadataPrefix=oai_dc"), Optional.empty());

        DatasetMetadata first = items(pages.next()).get(0).metadata();

        assertThat(first.title()).isEqualTo("PocketCoffea: a configuration layer for CMS analyses with Coffea");
        assertThat(first.creators()).extracting(Creator::name).containsExactly("Matteo Marchegiani");
        assertThat(first.identifiers()).containsExactly(Identifier.of("doi", "10.5281/zenodo.8435696"));
        assertThat(first.landingPage()).isEqualTo("https://doi.org/10.5281/zenodo.8435696");
        assertThat(first.license()).isEqualTo(new License("CC-BY-4.0",
                "https://creativecommons.org/licenses/by/4.0/legalcode", "Creative Commons Attribution 4.0 International"));
        assertThat(first.released()).hasToString("2023-10-10");
        assertThat(first.modified()).hasToString("2023-10-12");
        assertThat(first.relatedDatasets()).containsExactly(
                Identifier.of("url", "https://zenodo.org/communities/pyhep2023/"),
                Identifier.of("doi", "10.5281/zenodo.8435695"));
        assertThat(first.description()).startsWith("&lt;p&gt;A configuration layer for the analysis of CMS data");
    }

    @Test
    void dataciteRecordsAreMappedWithOrcidAffiliationFundingAndRelations() throws Exception {
        PageReader pages = connector.openPages(server.url(ZENODO + "?metadataPrefix=datacite"), Optional.empty());

        List<HarvestedItem> page = items(pages.next());

        assertThat(page).hasSize(50);
        HarvestedItem lin = page.stream().filter(i -> i.nativeId().equals("oai:zenodo.org:8433301")).findFirst().orElseThrow();
        DatasetMetadata m = lin.metadata();
        assertThat(m.title()).isEqualTo("A new method for quantifying flake scar organisation on cores using orientation statistics");
        assertThat(m.creators()).containsExactly(
                new Creator("Lin, Sam", "0000-0001-6834-2646", "University of Wollongong", null, List.of()));
        assertThat(m.identifiers()).containsExactly(Identifier.of("doi", "10.5281/zenodo.8433301"),
                Identifier.of("oai", "oai:zenodo.org:8433301"));
        assertThat(m.keywords()).containsExactly("Archaeology", "Stone tools", "3D modeling", "Orientation analysis");
        assertThat(m.license().spdx()).isEqualTo("CC-BY-4.0");
        assertThat(m.released()).hasToString("2023-10-12");
        assertThat(m.relatedDatasets()).containsExactly(Identifier.of("doi", "10.5281/zenodo.8433300"));
        assertThat(m.funding()).containsExactly("Australian Research Council, DE200100502"
                + " (Discovery Early Career Researcher Award - Grant ID: DE200100502)");
        assertThat(m.description()).startsWith("Data and R code for reproducing the results");
        assertThat(lin.sourceUrl()).endsWith("/oai2d?verb=GetRecord&metadataPrefix=datacite&identifier=oai%3Azenodo.org%3A8433301");
    }

    @Test
    void oaiDatacitePayloadIsUnwrappedToItsResource() throws Exception {
        // self-written: Zenodo's oai_datacite envelope (no recording of it exists in the fixtures)
        server.add("/oai2d?verb=ListRecords&metadataPrefix=oai_datacite&set=wrapped", Answer.body(200, "text/xml",
                "<OAI-PMH xmlns=\"http://www.openarchives.org/OAI/2.0/\"><responseDate>2026-01-01T00:00:00Z</responseDate>"
                        + "<ListRecords><record><header><identifier>oai:zenodo.org:9</identifier>"
                        + "<datestamp>2026-01-02T03:04:05Z</datestamp></header><metadata>"
                        + "<oai_datacite xmlns=\"http://schema.datacite.org/oai/oai-1.1/\"><schemaVersion>4.5</schemaVersion>"
                        + "<datacentreSymbol>CERN.ZENODO</datacentreSymbol><payload>"
                        + "<resource xmlns=\"http://datacite.org/schema/kernel-4\"><identifier identifierType=\"DOI\">10.5281/zenodo.9</identifier>"
                        + "<titles><title>Wrapped</title></titles></resource></payload></oai_datacite></metadata></record>"
                        + "</ListRecords></OAI-PMH>"));
        PageReader pages = connector.openPages(server.url(ZENODO + "?metadataPrefix=oai_datacite&set=wrapped"), Optional.empty());

        List<HarvestedItem> page = items(pages.next());

        assertThat(page).hasSize(1);
        assertThat(page.get(0).metadata().title()).isEqualTo("Wrapped");
        assertThat(page.get(0).metadata().identifiers()).containsExactly(Identifier.of("doi", "10.5281/zenodo.9"));
        assertThat(page.get(0).metadata().modified()).hasToString("2026-01-02");
        assertThat(pages.next()).isNull();
    }

    @Test
    void noRecordsMatchOnHttp422IsAnEmptyHarvest() throws Exception {
        PageReader pages = connector.openPages(server.url(ZENODO + "?metadataPrefix=oai_dc&from=2030-01-01"), Optional.empty());

        assertThat(pages.next()).isEmpty();
        assertThat(pages.next()).isNull();
        assertThat(pages.checkpoint()).contains("2026-08-13T18:19:00Z");
    }

    @Test
    void badResumptionTokenFailsWithTheOaiErrorCode() throws Exception {
        String token = firstToken("https://zenodo.org/oai2d?verb=ListRecords&metadataPrefix=oai_dc&set=software");
        server.alias("/oai2d?verb=ListRecords&resumptionToken=" + token, "/oai2d?verb=ListRecords&resumptionToken=XXX");
        PageReader pages = connector.openPages(server.url(ZENODO + "?metadataPrefix=oai_dc&set=software"), Optional.empty());

        assertThat(pages.next()).hasSize(50);
        assertThatThrownBy(pages::next).isInstanceOf(LocationUnreadableException.class)
                .hasMessageStartingWith("OAI-PMH error badResumptionToken (The value of the resumptionToken argument is"
                        + " invalid or expired.) answering GET " + server.baseUrl() + "/oai2d?verb=ListRecords&resumptionToken=")
                .hasMessageEndingWith("(HTTP 422)");
    }

    @Test
    void badArgumentFailsWithTheOaiErrorCode() throws Exception {
        PageReader pages = connector.openPages(server.url(ZENODO + "?metadataPrefix=XXX"), Optional.empty());

        assertThatThrownBy(pages::next).isInstanceOf(LocationUnreadableException.class)
                .hasMessageStartingWith("OAI-PMH error badArgument (metadataPrefix does not exist)");
    }

    @Test
    void incrementalHarvestAsksFromTheCheckpointAtTheGranularityIdentifyAnnounces() throws Exception {
        server.alias("/oai2d?verb=ListRecords&metadataPrefix=oai_dc&from=2026-04-01T00:00:00Z",
                "/oai2d?verb=ListRecords&metadataPrefix=oai_dc&from=2026-04-01");
        PageReader pages = connector.openPages(server.url(ZENODO + "?metadataPrefix=oai_dc"),
                Optional.of("2026-04-01T00:00:00Z"));

        assertThat(pages.next()).hasSize(50);
        assertThat(server.requests()).containsExactly("/oai2d?verb=Identify",
                "/oai2d?verb=ListRecords&metadataPrefix=oai_dc&from=2026-04-01T00:00:00Z");
        assertThat(pages.checkpoint()).contains("2026-08-13T18:18:48Z");
    }

    @Test
    void rateLimitAndServerErrorAreRetriedBeforeTheRecordedPage() throws Exception {
        server.failNext("from=2030", Answer.tooManyRequests(1), Answer.status(500));
        PageReader pages = connector.openPages(server.url(ZENODO + "?metadataPrefix=oai_dc&from=2030-01-01"), Optional.empty());

        assertThat(pages.next()).isEmpty();
        assertThat(server.requests()).hasSize(3).allSatisfy(r -> assertThat(r).contains("from=2030-01-01"));
    }

    @Test
    void aServerThatAnswersTooLateIsRetriedAfterTheTimeout() throws Exception {
        HttpSettings quick = new HttpSettings("BioImageCatalog-test/1", java.time.Duration.ofSeconds(2),
                java.time.Duration.ofMillis(300), 3, java.time.Duration.ofMillis(10), java.time.Duration.ofMillis(50), 4, 50_000_000);
        server.failNext("from=2030", Answer.slow(java.time.Duration.ofSeconds(2)));
        PageReader pages = new OaiPmhConnector(new PoliteHttpClient(quick))
                .openPages(server.url(ZENODO + "?metadataPrefix=oai_dc&from=2030-01-01"), Optional.empty());

        assertThat(pages.next()).isEmpty();
        assertThat(server.requests()).hasSize(2);
    }

    @Test
    void aServerThatNeverAnswersInTimeFailsTheHarvestAfterTheAttempts() throws Exception {
        HttpSettings quick = new HttpSettings("BioImageCatalog-test/1", java.time.Duration.ofSeconds(2),
                java.time.Duration.ofMillis(200), 2, java.time.Duration.ofMillis(10), java.time.Duration.ofMillis(50), 4, 50_000_000);
        server.failNext("from=2030", Answer.slow(java.time.Duration.ofSeconds(1)), Answer.slow(java.time.Duration.ofSeconds(1)));
        PageReader pages = new OaiPmhConnector(new PoliteHttpClient(quick))
                .openPages(server.url(ZENODO + "?metadataPrefix=oai_dc&from=2030-01-01"), Optional.empty());

        assertThatThrownBy(pages::next).isInstanceOf(LocationUnreadableException.class)
                .hasMessageContaining("failed after 2 attempts").hasMessageContaining("HttpTimeoutException");
    }

    @Test
    void malformedPageIsRejectedWithTheReasonAndTheStartOfTheBody() throws Exception {
        server.add("/oai2d?verb=ListRecords&metadataPrefix=oai_dc&set=broken",
                Answer.body(200, "text/xml", "<OAI-PMH><ListRecords><record><header>"));
        PageReader pages = connector.openPages(server.url(ZENODO + "?metadataPrefix=oai_dc&set=broken"), Optional.empty());

        assertThatThrownBy(pages::next).isInstanceOf(RecordRejectedException.class)
                .hasMessageContaining("not well-formed XML")
                .satisfies(e -> assertThat(((RecordRejectedException) e).payloadExcerpt())
                        .isEqualTo("<OAI-PMH><ListRecords><record><header>"));
    }

    @Test
    void documentTypeDeclarationsAreRefusedSoNoExternalEntityIsRead() throws Exception {
        server.add("/oai2d?verb=ListRecords&metadataPrefix=oai_dc&set=xxe", Answer.body(200, "text/xml",
                "<?xml version=\"1.0\"?><!DOCTYPE r [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>"
                        + "<OAI-PMH><responseDate>&x;</responseDate></OAI-PMH>"));
        PageReader pages = connector.openPages(server.url(ZENODO + "?metadataPrefix=oai_dc&set=xxe"), Optional.empty());

        assertThatThrownBy(pages::next).isInstanceOf(RecordRejectedException.class)
                .hasMessageContaining("DOCTYPE");
    }

    @Test
    void aRecordWithoutTitleIsRejectedAloneAndTheOthersAreKept() throws Exception {
        server.add("/oai2d?verb=ListRecords&metadataPrefix=oai_dc&set=untitled", Answer.body(200, "text/xml",
                "<OAI-PMH xmlns=\"http://www.openarchives.org/OAI/2.0/\"><responseDate>2026-01-01T00:00:00Z</responseDate>"
                        + "<ListRecords><record><header><identifier>oai:x:1</identifier></header><metadata>"
                        + "<oai_dc:dc xmlns:oai_dc=\"http://www.openarchives.org/OAI/2.0/oai_dc/\" xmlns:dc=\"http://purl.org/dc/elements/1.1/\">"
                        + "<dc:creator>Nobody</dc:creator></oai_dc:dc></metadata></record>"
                        + "<record><header><identifier>oai:x:2</identifier></header><metadata>"
                        + "<oai_dc:dc xmlns:oai_dc=\"http://www.openarchives.org/OAI/2.0/oai_dc/\" xmlns:dc=\"http://purl.org/dc/elements/1.1/\">"
                        + "<dc:title>Kept</dc:title></oai_dc:dc></metadata></record>"
                        + "<resumptionToken/></ListRecords></OAI-PMH>"));
        PageReader pages = connector.openPages(server.url(ZENODO + "?metadataPrefix=oai_dc&set=untitled"), Optional.empty());

        List<PageEntry> page = pages.next();

        assertThat(page).hasSize(2);
        assertThat(((PageEntry.Rejected) page.get(0)).reason().reason())
                .isEqualTo("oai:x:1: the oai_dc record has no dc:title");
        assertThat(((PageEntry.Rejected) page.get(0)).reason().payloadExcerpt()).contains("<dc:creator>Nobody</dc:creator>");
        assertThat(items(page)).extracting(i -> i.metadata().title()).containsExactly("Kept");
        assertThat(pages.next()).isNull();
    }

    @Test
    void aFolderOfSavedListRecordsPagesIsHarvestedPageByPage(@TempDir Path dir) throws Exception {
        List<Cassette.Interaction> recorded = Cassette.read(cassette("list_records.yaml")).interactions();
        Files.write(dir.resolve("page-1.xml"), recorded.get(5).body());
        Files.write(dir.resolve("page-2.xml"), recorded.get(9).body());
        Files.createDirectories(dir.resolve("more"));
        Files.write(dir.resolve("more/page-3.xml"), recorded.get(8).body());
        Files.writeString(dir.resolve("notes.txt"), "not a page");

        connector.checkLocation(dir.toString());
        List<List<PageEntry>> all = readAll(connector.openPages(dir.toUri().toString(), Optional.empty()));

        assertThat(all).hasSize(3).allSatisfy(page -> assertThat(page).hasSize(3));
        List<PageEntry> entries = all.stream().flatMap(List::stream).toList();
        assertThat(entries).filteredOn(e -> e instanceof PageEntry.Deleted).extracting(e -> ((PageEntry.Deleted) e).nativeId())
                .containsExactly("oai:zenodo.org:8433364");
        assertThat(items(entries).get(0).sourceUrl()).isEqualTo(dir.resolve("more/page-3.xml").toUri() + "#oai:zenodo.org:20589672");
        assertThat(connector.openPages(dir.toString(), Optional.of("2026-01-01")).checkpoint()).isEmpty();
    }

    @Test
    void locationsMustBeHttpUrlsWithOaiArgumentsOnlyOrAbsolutePaths() {
        assertThatThrownBy(() -> connector.checkLocation("data/oai"))
                .hasMessage("a local location must be an absolute path, not 'data/oai'");
        assertThatThrownBy(() -> connector.checkLocation("ftp://example.org/oai"))
                .hasMessageStartingWith("an OAI-PMH location is the endpoint's http(s) URL");
        assertThatThrownBy(() -> connector.openPages("/nonexistent/oai-pages", Optional.empty()))
                .isInstanceOf(LocationUnreadableException.class).hasMessage("no such file or directory: /nonexistent/oai-pages");
        assertThatThrownBy(() -> connector.checkLocation("https://zenodo.org/oai2d?verb=ListSets"))
                .hasMessage("unsupported OAI-PMH argument 'verb' in the location; allowed: from, metadataPrefix, set, until");
    }

    private static Path cassette(String name) {
        return Fixtures.require("oai-pmh/zenodo-oai2d-cassettes/" + name);
    }

    private static String firstToken(String uri) {
        Cassette.Interaction recorded = Cassette.read(cassette("list_records.yaml")).interactions().stream()
                .filter(i -> i.uri().toString().equals(uri)).findFirst().orElseThrow();
        Matcher m = Pattern.compile("<resumptionToken[^>]*>([^<]+)</resumptionToken>").matcher(recorded.bodyText());
        assertThat(m.find()).isTrue();
        return m.group(1);
    }

    static List<List<PageEntry>> readAll(PageReader pages) throws Exception {
        List<List<PageEntry>> all = new ArrayList<>();
        for (List<PageEntry> page; (page = pages.next()) != null; ) {
            all.add(page);
        }
        return all;
    }

    static List<HarvestedItem> items(List<PageEntry> entries) {
        return entries.stream().filter(e -> e instanceof PageEntry.Harvested)
                .map(e -> ((PageEntry.Harvested) e).item()).toList();
    }
}
