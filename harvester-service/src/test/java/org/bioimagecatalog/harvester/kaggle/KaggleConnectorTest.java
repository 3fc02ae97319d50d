package org.bioimagecatalog.harvester.kaggle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.bioimagecatalog.harvester.replay.CassetteReplayServer;
import org.bioimagecatalog.harvester.replay.CassetteReplayServer.Answer;
import org.bioimagecatalog.harvester.replay.ReplayHttp;
import org.bioimagecatalog.harvester.run.LocationUnreadableException;
import org.bioimagecatalog.harvester.run.PageEntry;
import org.bioimagecatalog.harvester.run.PageReader;
import org.bioimagecatalog.model.DatasetMetadata;
import org.bioimagecatalog.model.DatasetSize;
import org.bioimagecatalog.model.Identifier;
import org.bioimagecatalog.model.License;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Kaggle connector over real loopback HTTP with the self-written answers of {@code src/test/resources/kaggle}
 * (the shape of the official client's {@code ApiDataset}; no recording exists), and the token look-up of the official
 * client.
 */
class KaggleConnectorTest {
    private static final KaggleCredentials TOKEN = new KaggleCredentials("example-user", "0123456789abcdef");
    private static final String MICROSCOPY = "/api/v1/datasets/list?search=microscopy&page=";
    private static final String CELL_PAINTING = "/api/v1/datasets/list?search=cell+painting&page=";
    /** The server reports requests decoded. */
    private static final String CELL_PAINTING_SENT = "/api/v1/datasets/list?search=cell painting&page=";

    @Test
    void eachSearchTermIsListedPageByPageAndTheUnionHarvestedOnce() throws Exception {
        try (CassetteReplayServer server = kaggle()) {
            KaggleConnector connector = new KaggleConnector(ReplayHttp.client(), () -> Optional.of(TOKEN));

            List<PageEntry> entries = readAll(connector.openPages(
                    server.baseUrl() + "/api/v1/datasets/list?searches=microscopy,cell%20painting", Optional.empty()));

            assertThat(server.requests()).containsExactly(MICROSCOPY + "1", MICROSCOPY + "2", CELL_PAINTING_SENT + "1",
                    CELL_PAINTING_SENT + "2");
            List<String> harvested = entries.stream().filter(PageEntry.Harvested.class::isInstance)
                    .map(e -> ((PageEntry.Harvested) e).item().nativeId()).toList();
            // fluorescent-nuclei-u2os is found by both searches and harvested once
            assertThat(harvested).containsExactly("example-lab/fluorescent-nuclei-u2os", "example-lab/histology-patches",
                    "example-lab/cell-painting-profiles");
            assertThat(entries).filteredOn(PageEntry.Rejected.class::isInstance).singleElement()
                    .satisfies(e -> assertThat(((PageEntry.Rejected) e).reason().getMessage()).contains("example-lab/untitled-upload: no title"));

            PageEntry.Harvested nuclei = (PageEntry.Harvested) entries.get(0);
            assertThat(nuclei.item().archive()).isEqualTo("kaggle");
            assertThat(nuclei.item().sourceUrl()).isEqualTo(server.baseUrl() + "/api/v1/datasets/metadata/example-lab/fluorescent-nuclei-u2os");
            DatasetMetadata m = nuclei.item().metadata();
            assertThat(m.title()).isEqualTo("Fluorescent nuclei of U2OS cells");
            assertThat(m.description()).startsWith("Widefield fluorescence microscopy images");
            assertThat(m.identifiers()).containsExactly(Identifier.of("kaggle", "example-lab/fluorescent-nuclei-u2os"));
            assertThat(m.landingPage()).isEqualTo("https://www.kaggle.com/datasets/example-lab/fluorescent-nuclei-u2os");
            assertThat(m.creators()).extracting(c -> c.name()).containsExactly("Example Lab");
            assertThat(m.keywords()).containsExactly("biology", "image");
            assertThat(m.license().spdx()).isEqualTo("CC0-1.0");
            assertThat(m.modified()).isEqualTo(LocalDate.of(2025, 3, 14));
            assertThat(m.size()).isEqualTo(new DatasetSize(1_523_400_000L, null, null, null));

            DatasetMetadata histology = ((PageEntry.Harvested) entries.get(1)).item().metadata();
            assertThat(histology.description()).as("an empty description falls back to the subtitle").isEqualTo("H&E histopathology patches");
            assertThat(histology.license()).isEqualTo(new License(null, null, "copyright-authors"));
        }
    }

    @Test
    void withoutATokenARunFailsSayingHowToConfigureOne() {
        KaggleConnector connector = new KaggleConnector(ReplayHttp.client(), Optional::empty);

        assertThatThrownBy(() -> connector.openPages("https://www.kaggle.com/api/v1/datasets/list?searches=microscopy", Optional.empty()))
                .isInstanceOf(LocationUnreadableException.class)
                .hasMessageStartingWith("no Kaggle API token: set KAGGLE_USERNAME and KAGGLE_KEY");
    }

    @Test
    void aRefusedTokenFailsTheRunWithKagglesAnswer() throws Exception {
        try (CassetteReplayServer server = CassetteReplayServer.replay()) {
            server.add(MICROSCOPY + "1", Answer.body(401, "application/json", "{\"code\":401,\"message\":\"Unauthenticated\"}"));
            KaggleConnector connector = new KaggleConnector(ReplayHttp.client(), () -> Optional.of(TOKEN));
            PageReader pages = connector.openPages(server.baseUrl() + "/api/v1/datasets/list?search=microscopy", Optional.empty());

            assertThatThrownBy(pages::next).isInstanceOf(LocationUnreadableException.class)
                    .hasMessageStartingWith("Kaggle refused the API token (HTTP 401)");
        }
    }

    @Test
    void theTokenIsFoundAsTheOfficialClientFindsIt(@TempDir Path home) throws IOException {
        assertThat(KaggleCredentials.find(Map.of("KAGGLE_USERNAME", "env-user", "KAGGLE_KEY", "env-key"), home))
                .contains(new KaggleCredentials("env-user", "env-key"));
        assertThat(KaggleCredentials.find(Map.of(), home)).isEmpty();

        Files.createDirectories(home.resolve(".kaggle"));
        Files.writeString(home.resolve(".kaggle/kaggle.json"), "{\"username\":\"file-user\",\"key\":\"file-key\"}");
        assertThat(KaggleCredentials.find(Map.of(), home)).contains(new KaggleCredentials("file-user", "file-key"));

        Path configDir = Files.createDirectories(home.resolve("elsewhere"));
        Files.writeString(configDir.resolve("kaggle.json"), "{\"username\":\"dir-user\",\"key\":\"dir-key\"}");
        assertThat(KaggleCredentials.find(Map.of("KAGGLE_CONFIG_DIR", configDir.toString()), home))
                .contains(new KaggleCredentials("dir-user", "dir-key"));

        KaggleCredentials token = new KaggleCredentials("u", "k");
        assertThat(token.authorization()).isEqualTo("Basic " + Base64.getEncoder().encodeToString("u:k".getBytes(StandardCharsets.UTF_8)));
        assertThat(token.toString()).doesNotContain("k]").contains("username=u");
    }

    private static CassetteReplayServer kaggle() throws IOException {
        CassetteReplayServer server = CassetteReplayServer.replay();
        server.add(MICROSCOPY + "1", json("kaggle/list-microscopy-page-1.json"));
        server.add(MICROSCOPY + "2", json("kaggle/list-empty.json"));
        server.add(CELL_PAINTING + "1", json("kaggle/list-cell-painting-page-1.json"));
        server.add(CELL_PAINTING + "2", json("kaggle/list-empty.json"));
        return server;
    }

    private static Answer json(String resource) throws IOException {
        try (InputStream in = KaggleConnectorTest.class.getClassLoader().getResourceAsStream(resource)) {
            return new Answer(200, Map.of("Content-Type", "application/json"), in.readAllBytes());
        }
    }

    private static List<PageEntry> readAll(PageReader pages) throws Exception {
        List<PageEntry> all = new ArrayList<>();
        for (List<PageEntry> page; (page = pages.next()) != null; ) {
            all.addAll(page);
        }
        return all;
    }
}
