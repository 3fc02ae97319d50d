package org.bioimagecatalog.harvester.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.bioimagecatalog.http.client.FetchedResource;
import org.bioimagecatalog.http.client.HttpSettings;
import org.bioimagecatalog.http.client.PoliteHttpClient;
import org.bioimagecatalog.testsupport.FixtureHttpServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Crawling real autoindex listings served by the project's fixture server, and nginx/Apache page shapes. */
class AutoindexCrawlerTest {
    private static final HttpSettings SETTINGS = new HttpSettings("BioImageCatalog-test/1", Duration.ofSeconds(5),
            Duration.ofSeconds(10), 2, Duration.ofMillis(10), Duration.ofMillis(50), 2, 10_000_000);

    @Test
    void crawlFollowsSubFoldersToTheDepthLimitAndNeverLeavesTheBase(@TempDir Path root) throws Exception {
        Path mirror = Files.createDirectories(root.resolve("mirror"));
        write(mirror.resolve("idr0001-study.txt"));
        write(mirror.resolve("README.md"));
        write(mirror.resolve("idr0002-graml/idr0002-study.txt"));
        write(mirror.resolve("idr0002-graml/screenA/idr0003-study.txt"));
        write(mirror.resolve("a/b/c/idr0004-study.txt")); // three levels down: beyond a max depth of 2
        write(root.resolve("outside-study.txt"));         // reachable only through the parent link

        try (FixtureHttpServer server = FixtureHttpServer.serve(root)) {
            PoliteHttpClient http = new PoliteHttpClient(SETTINGS);
            URI start = URI.create(server.baseUrl() + "mirror/");

            AutoindexCrawler.Listing listing = new AutoindexCrawler(http, 2)
                    .crawl(http.get(start), name -> name.endsWith("-study.txt"));

            assertThat(listing.files()).containsExactly(
                    URI.create(server.baseUrl() + "mirror/idr0001-study.txt"),
                    URI.create(server.baseUrl() + "mirror/idr0002-graml/idr0002-study.txt"),
                    URI.create(server.baseUrl() + "mirror/idr0002-graml/screenA/idr0003-study.txt"));
            assertThat(listing.unreadableFolders()).isEmpty();
        }
    }

    @Test
    void linksOfNginxAndApacheListingsAreResolvedWithoutSortLinksOrFragments() {
        String html = """
                <html><head><title>Index of /idr/</title></head><body><h1>Index of /idr/</h1><hr><pre>
                <a href="../">../</a>
                <a href="?C=N;O=D">Name</a>
                <a HREF='idr0001-graml-sysgro/'>idr0001-graml-sysgro/</a>   01-Jan-2024 00:00   -
                <a href="idr0002-study.txt#top">idr0002-study.txt</a>
                <a href="/elsewhere/idr0003-study.txt">idr0003-study.txt</a>
                <a href="https://other.example.org/idr0004-study.txt">x</a>
                </pre><hr></body></html>
                """;
        FetchedResource page = new FetchedResource(URI.create("https://mirror.example.org/idr/"), "text/html",
                html.getBytes(StandardCharsets.UTF_8));
        URI base = AutoindexCrawler.folderOf(page.uri());

        List<URI> below = AutoindexCrawler.links(page).stream().filter(l -> AutoindexCrawler.isBelow(l, base)).toList();

        assertThat(below).containsExactly(
                URI.create("https://mirror.example.org/idr/idr0001-graml-sysgro/"),
                URI.create("https://mirror.example.org/idr/idr0002-study.txt"));
    }

    private static void write(Path file) throws IOException {
        Files.createDirectories(file.getParent());
        Files.writeString(file, "Study Title\tx\n");
    }
}
