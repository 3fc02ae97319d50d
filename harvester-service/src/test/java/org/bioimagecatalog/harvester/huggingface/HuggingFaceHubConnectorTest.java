package org.bioimagecatalog.harvester.huggingface;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.bioimagecatalog.harvester.replay.CassetteReplayServer;
import org.bioimagecatalog.harvester.replay.CassetteReplayServer.Answer;
import org.bioimagecatalog.harvester.replay.ReplayHttp;
import org.bioimagecatalog.harvester.run.HarvestedItem;
import org.bioimagecatalog.harvester.run.InvalidLocationException;
import org.bioimagecatalog.harvester.run.LocationUnreadableException;
import org.bioimagecatalog.harvester.run.PageEntry;
import org.bioimagecatalog.harvester.run.PageReader;
import org.bioimagecatalog.harvester.run.RecordRejectedException;
import org.junit.jupiter.api.Test;

/**
 * The Hub datasets API over real loopback HTTP, with the self-written pages of {@code src/test/resources/huggingface}
 * and the {@code Link} header the API pages with; faults (429, 500, a page that is not JSON) and an offline folder.
 */
class HuggingFaceHubConnectorTest {
    private static final String FIRST = "/api/datasets?filter=microscopy&limit=2&full=true";
    private static final String SECOND = "/api/datasets?filter=microscopy&limit=2&full=true&cursor=eyJfaWQiOiI2NWIwIn0=";

    private final HuggingFaceHubConnector connector = new HuggingFaceHubConnector(ReplayHttp.client());

    @Test
    void pagesFollowTheLinkHeaderOnTheConfiguredHostAfterA429() throws Exception {
        try (CassetteReplayServer server = hub()) {
            server.failNext("cursor=", Answer.tooManyRequests(1));

            List<List<PageEntry>> pages = readAll(connector.openPages(server.baseUrl() + "/api/datasets?filter=microscopy&limit=2",
                    Optional.empty()));

            assertThat(pages).extracting(List::size).containsExactly(2, 2);
            assertThat(server.requests()).containsExactly(
                    "/api/datasets?filter=microscopy&limit=2&full=true",
                    "/api/datasets?filter=microscopy&limit=2&full=true&cursor=eyJfaWQiOiI2NWIwIn0=",
                    "/api/datasets?filter=microscopy&limit=2&full=true&cursor=eyJfaWQiOiI2NWIwIn0=");
            List<HarvestedItem> items = items(pages);
            assertThat(items).extracting(HarvestedItem::nativeId).containsExactly("example-lab/fluorescent-nuclei-example",
                    "example-org/em-mitochondria-example", "someone/cryo-et-tomograms-example");
            assertThat(items.get(0).sourceUrl()).isEqualTo(server.baseUrl() + "/api/datasets/example-lab/fluorescent-nuclei-example");
            assertThat(items.get(0).metadata().license().spdx()).isEqualTo("CC-BY-4.0");
            PageEntry.Rejected noId = (PageEntry.Rejected) pages.get(1).get(1);
            assertThat(noId.reason().reason()).isEqualTo("a Hub dataset without an id");
            assertThat(noId.reason().location()).isEqualTo(server.baseUrl() + "/api/datasets/unknown");
            assertThat(noId.reason().payloadExcerpt()).contains("\"author\":\"nobody\"");
        }
    }

    @Test
    void severalTagsAreListedOneByOneAndTheirUnionHarvestedOnce() throws Exception {
        try (CassetteReplayServer server = hub()) {
            server.add("/api/datasets?limit=2&filter=bioimage&full=true", Answer.body(200, "application/json",
                    "[{\"id\": \"example-lab/fluorescent-nuclei-example\", \"lastModified\": \"2024-05-14T09:12:44.000Z\"},"
                            + " {\"id\": \"other/bioimage-only\", \"tags\": [\"bioimage\"]}]"));

            List<List<PageEntry>> pages = readAll(connector.openPages(
                    server.baseUrl() + "/api/datasets?limit=2&tags=microscopy,bioimage", Optional.empty()));

            assertThat(server.requests()).containsExactly(
                    "/api/datasets?limit=2&full=true&filter=microscopy",
                    "/api/datasets?filter=microscopy&limit=2&full=true&cursor=eyJfaWQiOiI2NWIwIn0=",
                    "/api/datasets?limit=2&full=true&filter=bioimage");
            // the dataset tagged both ways is harvested once, under the first tag
            assertThat(items(pages)).extracting(HarvestedItem::nativeId).containsExactly("example-lab/fluorescent-nuclei-example",
                    "example-org/em-mitochondria-example", "someone/cryo-et-tomograms-example", "other/bioimage-only");
        }
    }

    @Test
    void anIncrementalRunSortsByLastModifiedAndStopsAtTheCheckpoint() throws Exception {
        try (CassetteReplayServer server = hub()) {
            server.add("/api/datasets?filter=microscopy&full=true&sort=lastModified&direction=-1",
                    json(resource("huggingface/datasets-page-1.json"), link(SECOND)));

            PageReader reader = connector.openPages(server.baseUrl() + "/api/datasets?filter=microscopy",
                    Optional.of("2024-03-01T00:00:00Z"));
            List<List<PageEntry>> pages = readAll(reader);

            // the second dataset was last modified 2024-01-10, before the checkpoint: nothing after it is fetched
            assertThat(items(pages)).extracting(HarvestedItem::nativeId).containsExactly("example-lab/fluorescent-nuclei-example");
            assertThat(server.requests()).containsExactly("/api/datasets?filter=microscopy&full=true&sort=lastModified&direction=-1");
            assertThat(reader.checkpoint()).isPresent();
        }
    }

    @Test
    void aPageThatIsNotJsonIsRejectedAndAServerErrorFailsTheRun() throws Exception {
        try (CassetteReplayServer server = hub()) {
            server.failNext("cursor=", Answer.body(200, "text/html", "<html>We are down for maintenance</html>"));
            PageReader reader = connector.openPages(server.baseUrl() + FIRST, Optional.empty());
            assertThat(reader.next()).hasSize(2);
            assertThatThrownBy(reader::next).isInstanceOf(RecordRejectedException.class)
                    .hasMessageContaining("not valid JSON")
                    .satisfies(e -> assertThat(((RecordRejectedException) e).payloadExcerpt())
                            .isEqualTo("<html>We are down for maintenance</html>"));

            server.failNext("limit=2", Answer.status(500), Answer.status(500), Answer.status(500));
            assertThatThrownBy(() -> connector.openPages(server.baseUrl() + FIRST, Optional.empty()).next())
                    .isInstanceOf(LocationUnreadableException.class).hasMessageContaining("HTTP 500");

            server.add("/api/datasets?search=x&full=true", Answer.body(200, "application/json", "{\"error\": \"bad filter\"}"));
            assertThatThrownBy(() -> connector.openPages(server.baseUrl() + "/api/datasets?search=x", Optional.empty()).next())
                    .isInstanceOf(RecordRejectedException.class).hasMessageContaining("not a JSON array of datasets");
        }
    }

    @Test
    void aFolderOfSavedAnswersIsReadFileByFile() throws Exception {
        Path folder = Path.of(HuggingFaceHubConnectorTest.class.getClassLoader().getResource("huggingface").toURI());

        List<List<PageEntry>> pages = readAll(connector.openPages(folder.toString(), Optional.empty()));

        assertThat(pages).extracting(List::size).containsExactly(1, 2, 2);
        assertThat(items(pages)).extracting(HarvestedItem::nativeId).containsExactly("example-lab/light-sheet-embryos-example",
                "example-lab/fluorescent-nuclei-example", "example-org/em-mitochondria-example", "someone/cryo-et-tomograms-example");
        assertThat(items(pages).get(0).sourceUrl())
                .isEqualTo(folder.resolve("dataset-single.json").toUri() + "#example-lab/light-sheet-embryos-example");
        assertThatThrownBy(() -> connector.checkLocation("relative/path")).isInstanceOf(InvalidLocationException.class);
        assertThatThrownBy(() -> connector.checkLocation("ftp://x/y")).isInstanceOf(InvalidLocationException.class);
    }

    private static CassetteReplayServer hub() throws IOException {
        CassetteReplayServer server = CassetteReplayServer.replay();
        server.add(FIRST, json(resource("huggingface/datasets-page-1.json"), link(SECOND)));
        server.add(SECOND, json(resource("huggingface/datasets-page-2.json"), null));
        return server;
    }

    /** As the Hub writes it: the absolute URL of the next page on huggingface.co. */
    private static String link(String pathAndQuery) {
        return "<https://huggingface.co" + pathAndQuery.replace("n0=", "n0%3D") + ">; rel=\"next\"";
    }

    private static Answer json(byte[] body, String link) {
        return new Answer(200, link == null ? Map.of("Content-Type", "application/json")
                : Map.of("Content-Type", "application/json", "Link", link), body);
    }

    private static byte[] resource(String name) throws IOException {
        try (InputStream in = HuggingFaceHubConnectorTest.class.getClassLoader().getResourceAsStream(name)) {
            return in.readAllBytes();
        }
    }

    private static List<List<PageEntry>> readAll(PageReader reader) throws Exception {
        List<List<PageEntry>> pages = new ArrayList<>();
        for (List<PageEntry> page; (page = reader.next()) != null; ) {
            pages.add(page);
        }
        return pages;
    }

    private static List<HarvestedItem> items(List<List<PageEntry>> pages) {
        return pages.stream().flatMap(List::stream).filter(e -> e instanceof PageEntry.Harvested)
                .map(e -> ((PageEntry.Harvested) e).item()).toList();
    }
}
