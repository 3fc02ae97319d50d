package org.bioimagecatalog.harvester.bbbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.bioimagecatalog.harvester.bbbc.BbbcPageMapperTest.resource;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.bioimagecatalog.harvester.replay.CassetteReplayServer;
import org.bioimagecatalog.harvester.replay.CassetteReplayServer.Answer;
import org.bioimagecatalog.harvester.replay.ReplayHttp;
import org.bioimagecatalog.harvester.run.HarvestedItem;
import org.bioimagecatalog.harvester.run.LocationUnreadableException;
import org.bioimagecatalog.harvester.run.RecordRejectedException;
import org.bioimagecatalog.harvester.run.SourceListing;
import org.bioimagecatalog.testsupport.FixtureHttpServer;
import org.bioimagecatalog.testsupport.Fixtures;
import org.junit.jupiter.api.Test;

/** The BBBC connector over real loopback HTTP (a site with a paged list of image sets; a folder listing) and locally. */
class BbbcConnectorTest {
    private final BbbcConnector connector = new BbbcConnector(ReplayHttp.client());

    @Test
    void theSiteIsReadThroughItsPagedListOfImageSetsOnTheConfiguredHost() throws Exception {
        try (CassetteReplayServer server = site()) {
            server.failNext("/BBBC021", Answer.status(503));

            SourceListing listing = connector.open(server.baseUrl() + "/");
            Outcome outcome = readAll(listing);

            assertThat(listing.entries()).containsExactly(server.baseUrl() + "/BBBC021", server.baseUrl() + "/BBBC999",
                    server.baseUrl() + "/BBBC998");
            assertThat(outcome.items()).extracting(HarvestedItem::nativeId).containsExactly("BBBC021", "BBBC999");
            assertThat(outcome.items().get(0).metadata().title()).isEqualTo("Human MCF7 cells – compound-profiling experiment");
            assertThat(outcome.items().get(0).sourceUrl()).isEqualTo(server.baseUrl() + "/BBBC021");
            assertThat(outcome.rejected()).containsExactly(server.baseUrl() + "/BBBC998 → BBBC998: BBBC998: the page has no title");
            // the root has no links: the list is read at /image_sets, then its next page; the 503 was retried
            assertThat(server.requests()).containsExactly("/", "/image_sets", "/image_sets?page=1",
                    "/BBBC021", "/BBBC021", "/BBBC999", "/BBBC998");
        }
    }

    @Test
    void aListPageThatFailsAfterTheFirstIsReportedAndTheRestHarvested() throws Exception {
        try (CassetteReplayServer server = site()) {
            server.failNext("/image_sets?page=1", Answer.status(500), Answer.status(500), Answer.status(500));

            SourceListing listing = connector.open(server.baseUrl() + "/image_sets");
            Outcome outcome = readAll(listing);

            assertThat(outcome.items()).extracting(HarvestedItem::nativeId).containsExactly("BBBC021", "BBBC999");
            assertThat(outcome.rejected()).singleElement().asString()
                    .startsWith(server.baseUrl() + "/image_sets?page=1 → image_sets?page=1: list of image sets cannot be read,"
                            + " the listing stopped here: GET ")
                    .contains("HTTP 500");
        }
    }

    @Test
    void aFolderOfSavedPagesOverHttpAndLocally() throws Exception {
        Path pages = Path.of(resourceUri("bbbc/pages"));
        try (FixtureHttpServer server = FixtureHttpServer.serve(pages)) {
            Outcome overHttp = readAll(connector.open(server.baseUrl()));
            assertThat(overHttp.items()).extracting(HarvestedItem::nativeId).containsExactly("BBBC021", "BBBC999");
            assertThat(overHttp.rejected()).containsExactly(server.baseUrl() + "BBBC998.html → BBBC998.html: BBBC998: the page has no title");
        }
        Outcome local = readAll(connector.open(pages.toString()));
        assertThat(local.items()).extracting(HarvestedItem::nativeId).containsExactly("BBBC021", "BBBC999");
        assertThat(local.items().get(1).sourceUrl()).isEqualTo(pages.resolve("BBBC999.html").toUri().toString());
        assertThat(local.rejected()).hasSize(1);
    }

    @Test
    void theRecordedFolderOfPagesListsEveryDatasetPageAndReadsThem() throws Exception {
        // ../shared/fixtures/bbbc/dataset-pages: 41 BBBCnnn.html of the 2020 site beside its list page (image_sets.html)
        SourceListing listing = connector.open(Fixtures.require("bbbc/dataset-pages").toString());

        assertThat(listing.entries()).hasSize(41).allMatch(e -> e.matches(".*/BBBC\\d{3}\\.html"));
        HarvestedItem item = listing.read(listing.entries().stream().filter(e -> e.endsWith("BBBC021.html")).findFirst().orElseThrow());
        assertThat(item.nativeId()).isEqualTo("BBBC021");
        assertThat(item.metadata().title()).isEqualTo("Human MCF7 cells – compound-profiling experiment");
    }

    private static CassetteReplayServer site() throws Exception {
        CassetteReplayServer server = CassetteReplayServer.replay();
        server.add("/image_sets", html(resource("bbbc/site/image_sets.html")));
        server.add("/image_sets?page=1", html(resource("bbbc/site/image_sets-2.html")));
        server.add("/BBBC021", html(resource("bbbc/pages/BBBC021.html")));
        server.add("/BBBC999", html(resource("bbbc/pages/BBBC999.html")));
        server.add("/BBBC998", html(resource("bbbc/pages/BBBC998.html")));
        server.add("/", html("<html><body><p>Welcome</p></body></html>".getBytes()));
        return server;
    }

    private static Answer html(byte[] body) {
        return new Answer(200, Map.of("Content-Type", "text/html; charset=utf-8"), body);
    }

    private static java.net.URI resourceUri(String name) throws URISyntaxException {
        return BbbcConnectorTest.class.getClassLoader().getResource(name).toURI();
    }

    record Outcome(List<HarvestedItem> items, List<String> rejected) {}

    static Outcome readAll(SourceListing listing) {
        List<HarvestedItem> items = new ArrayList<>();
        List<String> rejected = new ArrayList<>();
        for (String entry : listing.entries()) {
            try {
                items.add(listing.read(entry));
            } catch (RecordRejectedException e) {
                rejected.add(e.location() + " → " + e.reason());
            }
        }
        return new Outcome(items, rejected);
    }
}
