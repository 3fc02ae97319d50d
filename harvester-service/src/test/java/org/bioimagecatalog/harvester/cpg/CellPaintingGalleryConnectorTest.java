package org.bioimagecatalog.harvester.cpg;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
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
import org.junit.jupiter.api.io.TempDir;

/** The Gallery's documents read over real loopback HTTP (flat and repository layouts) and from a local folder. */
class CellPaintingGalleryConnectorTest {
    private final CellPaintingGalleryConnector connector = new CellPaintingGalleryConnector(ReplayHttp.client());

    @Test
    void theRecordedDocumentsServedOverHttpGiveOneRecordPerDataset() throws Exception {
        try (FixtureHttpServer server = FixtureHttpServer.serve(Fixtures.require("cpg"))) {
            SourceListing listing = connector.open(server.baseUrl());

            assertThat(listing.entries()).hasSize(50).first().isEqualTo(server.baseUrl() + "README.md#cpg0000-jump-pilot");
            HarvestedItem jump = listing.read(server.baseUrl() + "README.md#cpg0016-jump");
            assertThat(jump.nativeId()).isEqualTo("cpg0016");
            assertThat(jump.sourceUrl()).isEqualTo(server.baseUrl() + "README.md#cpg0016-jump");
            assertThat(jump.metadata().size().bytes()).isEqualTo(358_400_000_000_000L);
            assertThat(jump.metadata().license().spdx()).isEqualTo("CC0-1.0");
            HarvestedItem prefixOnly = listing.read(server.baseUrl() + "prefixes.md#cpg0047-amish");
            assertThat(prefixOnly.metadata().title()).isEqualTo("cpg0047-amish");
        }
    }

    @Test
    void theRepositoryLayoutIsFollowedAMissingDocumentSkippedAndAFailingOneRetried() throws Exception {
        Path cpg = Fixtures.require("cpg");
        try (CassetteReplayServer server = CassetteReplayServer.replay()) {
            server.add("/gallery/README.md", new Answer(200, java.util.Map.of("Content-Type", "text/plain"),
                    Files.readAllBytes(cpg.resolve("README.md"))));
            server.add("/gallery/documentation/prefixes.md", new Answer(200, java.util.Map.of("Content-Type", "text/plain"),
                    Files.readAllBytes(cpg.resolve("prefixes.md"))));
            server.failNext("/gallery/documentation/prefixes.md", Answer.status(503));

            SourceListing listing = connector.open(server.baseUrl() + "/gallery/");

            assertThat(listing.entries()).hasSize(50);
            assertThat(server.requests()).containsExactly("/gallery/README.md", "/gallery/prefixes.md",
                    "/gallery/documentation/prefixes.md", "/gallery/documentation/prefixes.md",
                    "/gallery/publications.md", "/gallery/documentation/publications.md",
                    "/gallery/citing.md", "/gallery/documentation/citing.md");
            // without citing.md the licence has no URL, but the README's label still gives the SPDX id
            assertThat(listing.read(listing.entries().get(0)).metadata().license().spdx()).isEqualTo("CC0-1.0");
        }
    }

    @Test
    void aServerThatKeepsFailingFailsTheRunAndNothingThereIsUnreadable() {
        try (CassetteReplayServer server = CassetteReplayServer.replay()) {
            server.failNext("/README.md", Answer.status(500), Answer.status(500), Answer.status(500));

            assertThatThrownBy(() -> connector.open(server.baseUrl() + "/"))
                    .isInstanceOf(LocationUnreadableException.class).hasMessageContaining("HTTP 500");
            assertThatThrownBy(() -> connector.open(server.baseUrl() + "/empty/"))
                    .isInstanceOf(LocationUnreadableException.class)
                    .hasMessageContaining("no Cell Painting Gallery README.md or prefixes.md");
        }
    }

    @Test
    void aLocalFolderWithAMalformedRowRejectsThatRowOnly(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("README.md"), "All the data is released with CC0 1.0 Universal (CC0 1.0).\n\n"
                + "| Dataset name | Description | Total size |\n|--|--|--|\n"
                + "| cpg0200-ok | U2OS cells | 5 GB |\n| cpg0201-broken | 5 GB |\n");

        SourceListing listing = connector.open(dir.toString());

        List<String> rejected = new ArrayList<>();
        List<HarvestedItem> read = new ArrayList<>();
        for (String entry : listing.entries()) {
            try {
                read.add(listing.read(entry));
            } catch (RecordRejectedException e) {
                rejected.add(e.location() + " → " + e.reason() + " | " + e.payloadExcerpt());
            }
        }
        assertThat(read).extracting(HarvestedItem::nativeId).containsExactly("cpg0200");
        assertThat(rejected).containsExactly(dir.resolve("README.md").toUri() + "#cpg0201-broken → "
                + "README.md line 6: 2 cells where the dataset table has 3 columns | cpg0201-broken | 5 GB");
    }
}
