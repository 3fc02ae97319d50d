package org.bioimagecatalog.harvester.zenodo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.bioimagecatalog.harvester.replay.CassetteReplayServer;
import org.bioimagecatalog.harvester.replay.CassetteReplayServer.Answer;
import org.bioimagecatalog.harvester.replay.ReplayHttp;
import org.bioimagecatalog.harvester.run.HarvestedItem;
import org.bioimagecatalog.harvester.run.PageEntry;
import org.bioimagecatalog.harvester.run.PageReader;
import org.bioimagecatalog.harvester.run.RecordRejectedException;
import org.bioimagecatalog.model.Creator;
import org.bioimagecatalog.model.DatasetMetadata;
import org.bioimagecatalog.model.DatasetSize;
import org.bioimagecatalog.model.Identifier;
import org.bioimagecatalog.model.License;
import org.bioimagecatalog.model.Publication;
import org.bioimagecatalog.testsupport.Fixtures;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The Zenodo REST connector: the recorded legacy search (with its 308 redirect) replayed over HTTP, followed by
 * a self-written InvenioRDM page (src/test/resources/zenodo, marked as such) at the recorded {@code links.next}.
 */
class ZenodoRestConnectorTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final ZenodoRestConnector connector = new ZenodoRestConnector(ReplayHttp.client());
    private CassetteReplayServer server;

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void searchFollowsTheRecordedRedirectAndLinksNextAcrossBothRecordShapes() throws Exception {
        server = CassetteReplayServer.replay(Fixtures.require("zenodo/legacy-rest-api-cassettes/catalog_search_by_size_and_page.yaml"));
        server.add("/api/records/?sort=bestmatch&q=title%3A%22Frictionless+Data+Test%22&page=2&size=2",
                new Answer(200, Map.of("Content-Type", "application/json"), selfWritten("zenodo/invenio-rdm-records-page.json")));

        PageReader pages = connector.openPages(
                server.url("https://zenodo.org/api/records?page=1&q=title%3A%22Frictionless+Data+Test%22&size=2"), Optional.empty());
        List<List<PageEntry>> all = new ArrayList<>();
        for (List<PageEntry> page; (page = pages.next()) != null; ) {
            all.add(page);
        }

        assertThat(server.requests()).containsExactly(
                "/api/records?page=1&q=title:\"Frictionless Data Test\"&size=2",
                "/api/records/?q=title:\"Frictionless Data Test\"&page=1&size=2",
                "/api/records/?sort=bestmatch&q=title:\"Frictionless Data Test\"&page=2&size=2");
        assertThat(all).extracting(List::size).containsExactly(2, 2);
        List<HarvestedItem> items = all.stream().flatMap(p -> items(p).stream()).toList();
        assertThat(items).extracting(HarvestedItem::nativeId).containsExactly("7089850", "7078760", "1234567");

        DatasetMetadata legacy = items.get(1).metadata();
        assertThat(legacy.title()).isEqualTo("Frictionless Data Test Dataset");
        assertThat(legacy.license()).isEqualTo(new License("CC-BY-4.0", null, "CC-BY-4.0"));
        assertThat(legacy.size()).isEqualTo(new DatasetSize(1768L, null, 3L, null));
        assertThat(legacy.formatLabels()).containsExactly("csv", "json");

        PageEntry.Rejected untitled = (PageEntry.Rejected) all.get(1).get(1);
        assertThat(untitled.reason().reason()).isEqualTo("1234999: the Zenodo record has no metadata.title");
        assertThat(untitled.reason().location()).isEqualTo(server.baseUrl() + "/api/records/1234999");
    }

    @Test
    void legacyRecordMapsDoiConceptDoiCreatorsKeywordsAndFiles() throws Exception {
        JsonNode page = JSON.readTree(Files.readAllBytes(Fixtures.require("zenodo/legacy-rest-api/search-cybersecurity-page1-size20.json")));

        DatasetMetadata m = new ZenodoRecordMapper().map(page.path("hits").path("hits").path(0));

        assertThat(m.title()).isEqualTo("Perceptions of Cybersecurity in Government Organizations: Case Study of Bhutan");
        assertThat(m.identifiers()).containsExactly(Identifier.of("doi", "10.5281/zenodo.1131810"), Identifier.of("zenodo", "1131810"));
        assertThat(m.relatedDatasets()).containsExactly(Identifier.of("doi", "10.5281/zenodo.1131809"));
        assertThat(m.landingPage()).isEqualTo("https://zenodo.org/record/1131810");
        assertThat(m.creators()).extracting(Creator::name).startsWith("Pema Choejey", "David Murray");
        assertThat(m.keywords()).contains("cybersecurity policy", "risk management");
        assertThat(m.license().spdx()).isEqualTo("CC-BY-4.0");
        assertThat(m.released()).hasToString("2017-06-01");
        assertThat(m.modified()).hasToString("2020-01-20");
        assertThat(m.size()).isEqualTo(new DatasetSize(200_052L, null, 1L, null));
        assertThat(m.accessUrls()).hasSize(1).first().asString().endsWith("/10007724.pdf");
    }

    @Test
    void invenioRdmRecordMapsPersonOrOrgRightsPidsFundingAndFileEntries() throws Exception {
        JsonNode page = JSON.readTree(selfWritten("zenodo/invenio-rdm-records-page.json"));

        DatasetMetadata m = new ZenodoRecordMapper().map(page.path("hits").path("hits").path(0));

        assertThat(m.identifiers()).containsExactly(Identifier.of("doi", "10.5281/zenodo.1234567"), Identifier.of("zenodo", "1234567"));
        assertThat(m.landingPage()).isEqualTo("https://zenodo.org/records/1234567");
        assertThat(m.creators()).containsExactly(
                new Creator("Example, Ada", "0000-0002-1825-0097", "Example Institute", null, List.of("datacollector")),
                new Creator("Example Imaging Facility", null, null, null, List.of()));
        assertThat(m.license()).isEqualTo(new License("CC-BY-4.0", "https://creativecommons.org/licenses/by/4.0/legalcode",
                "Creative Commons Attribution 4.0 International"));
        assertThat(m.keywords()).containsExactly("light-sheet microscopy", "zebrafish");
        assertThat(m.publications()).containsExactly(
                new Publication("10.1234/example.article", null, null, null, null, null, Publication.Relation.PRIMARY));
        assertThat(m.relatedDatasets()).containsExactly(Identifier.of("doi", "10.5281/zenodo.1234566"),
                Identifier.of("doi", "10.5281/zenodo.7654321"));
        assertThat(m.funding()).containsExactly("European Commission, 101000000 (Example imaging award)");
        assertThat(m.size()).isEqualTo(new DatasetSize(3000L, null, 2L, null));
        assertThat(m.formatLabels()).containsExactly("zip", "tif");
        assertThat(m.released()).hasToString("2024-03-01");
        assertThat(m.modified()).hasToString("2024-03-05");
    }

    @Test
    void everyRecordedLegacyRecordMaps() throws Exception {
        JsonNode page = JSON.readTree(Files.readAllBytes(Fixtures.require("zenodo/legacy-rest-api/search-cybersecurity-page1-size2000.json")));
        assertThat(page.path("hits").path("hits")).hasSize(150);
        for (JsonNode record : page.path("hits").path("hits")) {
            DatasetMetadata m = new ZenodoRecordMapper().map(record);
            assertThat(m.title()).isNotBlank();
            assertThat(m.identifiers()).extracting(Identifier::scheme).contains("doi", "zenodo");
        }
    }

    @Test
    void incrementalRunAndsTheUpdatedRangeIntoQAfterA429() throws Exception {
        server = CassetteReplayServer.replay();
        server.add("/api/records?communities=bioimaging&q=(microscopy)%20AND%20updated:%5B2024-01-01T00:00:00Z%20TO%20*%5D",
                Answer.body(200, "application/json", "{\"hits\":{\"hits\":[],\"total\":0},\"links\":{}}"));
        server.failNext("/api/records", Answer.tooManyRequests(1));

        PageReader pages = connector.openPages(server.baseUrl() + "/api/records?communities=bioimaging&q=microscopy",
                Optional.of("2024-01-01T00:00:00Z"));

        assertThat(pages.next()).isEmpty();
        assertThat(pages.next()).isNull();
        assertThat(server.requests()).hasSize(2).last()
                .isEqualTo("/api/records?communities=bioimaging&q=(microscopy) AND updated:[2024-01-01T00:00:00Z TO *]");
    }

    @Test
    void htmlInsteadOfJsonIsARejectedPage() throws Exception {
        server = CassetteReplayServer.replay();
        server.add("/api/records?q=x", Answer.body(200, "text/html", "<html>maintenance</html>"));

        assertThatThrownBy(() -> connector.openPages(server.baseUrl() + "/api/records?q=x", Optional.empty()).next())
                .isInstanceOf(RecordRejectedException.class).hasMessageContaining("not valid JSON");
    }

    private static byte[] selfWritten(String resource) throws IOException {
        try (InputStream in = ZenodoRestConnectorTest.class.getClassLoader().getResourceAsStream(resource)) {
            return in.readAllBytes();
        }
    }

    private static List<HarvestedItem> items(List<PageEntry> entries) {
        return entries.stream().filter(e -> e instanceof PageEntry.Harvested)
                .map(e -> ((PageEntry.Harvested) e).item()).toList();
    }
}
