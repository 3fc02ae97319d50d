package org.bioimagecatalog.harvester.datacite;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.bioimagecatalog.harvester.replay.CassetteReplayServer;
import org.bioimagecatalog.harvester.replay.CassetteReplayServer.Answer;
import org.bioimagecatalog.harvester.replay.ReplayHttp;
import org.bioimagecatalog.harvester.run.HarvestedItem;
import org.bioimagecatalog.harvester.run.LocationUnreadableException;
import org.bioimagecatalog.harvester.run.PageEntry;
import org.bioimagecatalog.harvester.run.PageReader;
import org.bioimagecatalog.harvester.run.RecordRejectedException;
import org.bioimagecatalog.model.Creator;
import org.bioimagecatalog.model.DatasetMetadata;
import org.bioimagecatalog.model.DatasetSize;
import org.bioimagecatalog.model.Identifier;
import org.bioimagecatalog.model.License;
import org.bioimagecatalog.testsupport.Fixtures;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The DataCite REST connector against recorded {@code /dois} answers served over loopback HTTP. */
class DataciteRestConnectorTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String CLIMATE_PAGE1 = "/dois?query=climate&include=client&affiliation=true&publisher=false"
            + "&disable-facets=true&include_other_registration_agencies=true&page%5Bnumber%5D=1&sort=relevance";

    private final DataciteRestConnector connector = new DataciteRestConnector(ReplayHttp.client());
    private CassetteReplayServer server;

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void pagesFollowLinksNextOnTheConfiguredHostUntilAnEmptyPage() throws Exception {
        server = CassetteReplayServer.replay();
        JsonNode page1 = json("datacite/rest-api-dois/dois-query-climate-page1.json");
        JsonNode page2 = json("datacite/rest-api-dois/dois-query-climate-page2.json");
        server.add(CLIMATE_PAGE1, recorded("datacite/rest-api-dois/dois-query-climate-page1.json"));
        server.add(server.url(page1.path("links").path("next").asText()).substring(server.baseUrl().length()),
                recorded("datacite/rest-api-dois/dois-query-climate-page2.json"));
        server.add(server.url(page2.path("links").path("next").asText()).substring(server.baseUrl().length()),
                recorded("datacite/rest-api-dois/dois-query-empty.json"));

        PageReader pages = connector.openPages(server.baseUrl() + CLIMATE_PAGE1, Optional.empty());
        List<List<PageEntry>> all = readAll(pages);

        assertThat(all).extracting(List::size).containsExactly(25, 25, 0);
        assertThat(server.requests()).hasSize(3);
        assertThat(server.requests().get(1)).contains("page[number]=2");
        List<HarvestedItem> items = all.stream().flatMap(p -> items(p).stream()).toList();
        assertThat(items).hasSize(50);
        HarvestedItem first = items.get(0);
        assertThat(first.nativeId()).isEqualTo("10.9798/kosham.2017.17.5.355");
        assertThat(first.sourceUrl()).isEqualTo(server.baseUrl() + "/dois/10.9798/kosham.2017.17.5.355");
        DatasetMetadata m = first.metadata();
        assertThat(m.title()).isEqualTo("Analysis of Future Extreme Rainfall Under Climate Change Over the Landslide"
                + " Risk Zone in Urban Areas");
        assertThat(m.landingPage()).isEqualTo("http://scholar.dkyobobook.co.kr/searchDetail.laf?barcode=4010025956189");
        assertThat(m.released()).hasToString("2017-10-30");
        assertThat(m.modified()).hasToString("2017-11-14");
        assertThat(m.relatedDatasets()).containsExactly(Identifier.of("issn", "1738-2424"));
        assertThat(m.creators()).first().isEqualTo(new Creator("Yoon, Sunkwon", null, null, null, List.of()));
        DatasetMetadata report = items.stream().filter(i -> i.nativeId().equals("10.5167/uzh-233856")).findFirst()
                .orElseThrow().metadata();
        assertThat(report.creators().get(1)).isEqualTo(new Creator("Michaelowa, Axel", "0000-0001-5053-3700", null, null, List.of()));
        assertThat(pages.checkpoint()).get().asString().matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ");
    }

    @Test
    void detailRecordWithPublisherObjectAndAffiliationObjectsMaps() throws Exception {
        JsonNode item = json("datacite/rest-api-dois/doi-10.7272-q6g15xs4.json").path("data").path(0);

        DatasetMetadata m = new DataciteJsonMapper().map(item);

        assertThat(m.title()).isEqualTo("NEXUS Head CT");
        assertThat(m.identifiers()).first().isEqualTo(Identifier.of("doi", "10.7272/q6g15xs4"));
        assertThat(m.landingPage()).isEqualTo("https://datadryad.org/dataset/doi:10.7272/Q6G15XS4");
        assertThat(m.creators().get(0)).isEqualTo(new Creator("Rodriguez, Robert", null,
                "University of California, San Francisco", null, List.of()));
        assertThat(m.license()).isEqualTo(new License("CC-BY-4.0", "https://creativecommons.org/licenses/by/4.0/legalcode",
                "Creative Commons Attribution 4.0 International"));
        assertThat(m.size()).isEqualTo(new DatasetSize(1_512_319L, null, null, "1512319 bytes"));
        assertThat(m.released()).hasToString("2017-04-10");
    }

    @Test
    void everyRecordedDataciteRecordMapsWithTitleAndDoi() throws Exception {
        int mapped = 0;
        for (String file : List.of("dois-query-climate-page1.json", "dois-query-climate-page2.json",
                "dois-org-013meh722-filter-cambridge.json", "dois-person-works-multi.json", "dois-person-works-sample.json")) {
            for (JsonNode item : json("datacite/rest-api-dois/" + file).path("data")) {
                DatasetMetadata m = new DataciteJsonMapper().map(item);
                assertThat(m.title()).as(file).isNotBlank();
                assertThat(m.identifiers()).as(file).extracting(Identifier::scheme).contains("doi");
                mapped++;
            }
        }
        assertThat(mapped).isEqualTo(85);
    }

    @Test
    void incrementalRunAndsTheUpdatedRangeIntoTheQueryAndA404EndsIt() throws Exception {
        server = CassetteReplayServer.replay(Fixtures.require("datacite/rest-api-cassettes/levriero-RelatedIdentifier-import.yml"));
        String recorded = "/dois?affiliation=true&exclude_registration_agencies=true&page%5Bnumber%5D=0&page%5Bsize%5D=25"
                + "&query=relatedIdentifiers.relatedIdentifierType:DOI%20AND%20updated:%5B2018-01-04T00:00:00Z%20TO%202018-01-31T23:59:59Z%5D"
                + "&resource-type-id=";
        String incremental = "/dois?affiliation=true&exclude_registration_agencies=true&page%5Bnumber%5D=0&page%5Bsize%5D=25"
                + "&query=(relatedIdentifiers.relatedIdentifierType:DOI)%20AND%20updated:%5B2018-01-04T00:00:00Z%20TO%20*%5D"
                + "&resource-type-id=";
        server.alias(incremental, recorded);
        PageReader pages = connector.openPages(server.baseUrl() + "/dois?affiliation=true&exclude_registration_agencies=true"
                + "&page%5Bnumber%5D=0&page%5Bsize%5D=25&query=relatedIdentifiers.relatedIdentifierType:DOI&resource-type-id=",
                Optional.of("2018-01-04T00:00:00Z"));

        List<PageEntry> page = pages.next();

        assertThat(server.requests().get(0)).isEqualTo("/dois?affiliation=true&exclude_registration_agencies=true"
                + "&page[number]=0&page[size]=25&query=(relatedIdentifiers.relatedIdentifierType:DOI) AND"
                + " updated:[2018-01-04T00:00:00Z TO *]&resource-type-id=");
        assertThat(items(page)).hasSize(25).allSatisfy(i -> assertThat(i.metadata().title()).isNotBlank());
        assertThatThrownBy(pages::next).isInstanceOf(LocationUnreadableException.class)
                .hasMessageContaining("page%5Bnumber%5D=2").hasMessageEndingWith("answered HTTP 404");
    }

    @Test
    void creatorOrcidsOfTheRecordedOrcidQueryAreNormalisedFromTheirUrls() throws Exception {
        server = CassetteReplayServer.replay(Fixtures.require("datacite/rest-api-cassettes/levriero-NameIdentifier-import.yml"));

        List<PageEntry> page = connector.openPages(server.url("https://api.stage.datacite.org/dois?affiliation=true"
                + "&exclude_registration_agencies=true&page%5Bnumber%5D=0&page%5Bsize%5D=25"
                + "&query=creators.nameIdentifiers.nameIdentifierScheme:ORCID%20AND%20updated:%5B2018-01-04T00:00:00Z%20TO%202018-01-31T23:59:59Z%5D"
                + "&resource-type-id="), Optional.empty()).next();

        List<HarvestedItem> items = items(page);
        assertThat(items).hasSize(22);
        DatasetMetadata razum = items.stream().filter(i -> i.nativeId().equals("10.0133/32061")).findFirst().orElseThrow().metadata();
        assertThat(razum.creators().get(0)).isEqualTo(new Creator("Razum, Matthias", "0000-0002-5139-5511",
                "FIZ Karlsruhe - Leibniz-Institut für Informationsinfrastruktur", null, List.of()));
        DatasetMetadata placeholder = items.stream().filter(i -> i.nativeId().equals("10.0133/32238")).findFirst().orElseThrow().metadata();
        assertThat(placeholder.creators().get(0)).isEqualTo(new Creator("FamilyName, GivenName", "2220-0021-5000-0004",
                "Affiliation (only for people)", null, List.of()));
    }

    @Test
    void cursorPagingIsAskedForWhenTheLocationDoesNotPage() throws Exception {
        server = CassetteReplayServer.replay();
        server.add("/dois?prefix=10.5281&query=microscopy&page%5Bcursor%5D=1", recorded("datacite/rest-api-dois/dois-query-empty.json"));

        PageReader pages = connector.openPages(server.baseUrl() + "/dois?prefix=10.5281&query=microscopy", Optional.empty());

        assertThat(pages.next()).isEmpty();
        assertThat(pages.next()).isNull();
        assertThat(server.requests()).containsExactly("/dois?prefix=10.5281&query=microscopy&page[cursor]=1");
    }

    @Test
    void rateLimitAndServerErrorAreRetriedThenThePageIsRead() throws Exception {
        server = CassetteReplayServer.replay();
        server.add("/dois?prefix=10.5281&page%5Bcursor%5D=1", recorded("datacite/rest-api-dois/dois-query-empty.json"));
        server.failNext("/dois", Answer.tooManyRequests(2), Answer.status(500));

        assertThat(connector.openPages(server.baseUrl() + "/dois?prefix=10.5281", Optional.empty()).next()).isEmpty();
        assertThat(server.requests()).hasSize(3);
    }

    @Test
    void malformedJsonPageIsRejectedWithTheReason() throws Exception {
        server = CassetteReplayServer.replay();
        server.add("/dois?prefix=10.5281&page%5Bcursor%5D=1", Answer.body(200, "application/json", "{\"data\": [{\"id\": "));

        PageReader pages = connector.openPages(server.baseUrl() + "/dois?prefix=10.5281", Optional.empty());

        assertThatThrownBy(pages::next).isInstanceOf(RecordRejectedException.class)
                .hasMessageContaining("not valid JSON")
                .satisfies(e -> assertThat(((RecordRejectedException) e).payloadExcerpt()).isEqualTo("{\"data\": [{\"id\": "));
    }

    @Test
    void aRecordWithoutTitleIsRejectedAlone() throws Exception {
        server = CassetteReplayServer.replay();
        server.add("/dois?page%5Bcursor%5D=1", Answer.body(200, "application/json",
                "{\"data\":[{\"id\":\"10.1234/a\",\"attributes\":{\"doi\":\"10.1234/a\",\"titles\":[]}},"
                        + "{\"id\":\"10.1234/b\",\"attributes\":{\"doi\":\"10.1234/B\",\"titles\":[{\"title\":\"Kept\"}],"
                        + "\"publisher\":{\"name\":\"X\"},\"types\":{\"resourceTypeGeneral\":null}}}],\"links\":{}}"));

        List<PageEntry> page = connector.openPages(server.baseUrl() + "/dois", Optional.empty()).next();

        assertThat(((PageEntry.Rejected) page.get(0)).reason().reason()).isEqualTo("10.1234/a: the DataCite record has no title");
        assertThat(items(page)).extracting(HarvestedItem::nativeId).containsExactly("10.1234/b");
    }

    private static JsonNode json(String fixture) throws IOException {
        return JSON.readTree(Files.readAllBytes(Fixtures.require(fixture)));
    }

    private static Answer recorded(String fixture) throws IOException {
        Path file = Fixtures.require(fixture);
        return new Answer(200, java.util.Map.of("Content-Type", "application/vnd.api+json"), Files.readAllBytes(file));
    }

    private static List<List<PageEntry>> readAll(PageReader pages) throws Exception {
        List<List<PageEntry>> all = new ArrayList<>();
        for (List<PageEntry> page; (page = pages.next()) != null; ) {
            all.add(page);
        }
        return all;
    }

    private static List<HarvestedItem> items(List<PageEntry> entries) {
        return entries.stream().filter(e -> e instanceof PageEntry.Harvested)
                .map(e -> ((PageEntry.Harvested) e).item()).toList();
    }
}
