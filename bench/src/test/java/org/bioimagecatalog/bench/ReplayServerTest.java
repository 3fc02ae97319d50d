package org.bioimagecatalog.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The replay server over real HTTP: files, listings, saved REST answers, OAI-PMH pages and injected faults. */
class ReplayServerTest {
    private final HttpClient http = HttpClient.newHttpClient();
    @TempDir
    Path root;
    private HttpServer server;

    @BeforeEach
    void files() throws Exception {
        Files.createDirectories(root.resolve("idr"));
        Files.writeString(root.resolve("idr/idr0001-study.txt"), "Study Title\tA screen\n");
        Files.createDirectories(root.resolve("reuse/datacite"));
        Files.writeString(root.resolve("reuse/datacite/dois.json"), "{\"data\":[]}");
        Files.createDirectories(root.resolve("oai"));
        Files.writeString(root.resolve("oai/page-0001.xml"), "<OAI-PMH>first</OAI-PMH>");
        Files.writeString(root.resolve("oai/page-0002.xml"), "<OAI-PMH>second</OAI-PMH>");
    }

    @AfterEach
    void stop() {
        if (server != null) {
            server.stop(0);
        }
    }

    private HttpResponse<String> get(String path) throws Exception {
        URI uri = URI.create("http://127.0.0.1:" + server.getAddress().getPort() + path);
        return http.send(HttpRequest.newBuilder(uri).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void servesFilesListingsAndSavedRestAnswers() throws Exception {
        server = ReplayServer.start(root, 0, "");
        HttpResponse<String> file = get("/idr/idr0001-study.txt");
        assertThat(file.statusCode()).isEqualTo(200);
        assertThat(file.body()).isEqualTo("Study Title\tA screen\n");
        assertThat(get("/idr/").body()).contains("<a href=\"idr0001-study.txt\">idr0001-study.txt</a>");
        HttpResponse<String> rest = get("/reuse/datacite/dois?query=x");
        assertThat(rest.body()).isEqualTo("{\"data\":[]}");
        assertThat(rest.headers().firstValue("Content-Type")).hasValue("application/json");
        assertThat(get("/nothing-here").statusCode()).isEqualTo(404);
        assertThat(get("/../etc/passwd").statusCode()).isEqualTo(404);
    }

    @Test
    void oaiPagesFollowTheResumptionTokenAndFaultsHitTheRequestsTheyName() throws Exception {
        server = ReplayServer.start(root, 0, "500:2");
        assertThat(get("/oai/?verb=ListRecords&metadataPrefix=oai_dc").body()).isEqualTo("<OAI-PMH>first</OAI-PMH>");
        assertThat(get("/oai/?verb=ListRecords&resumptionToken=page-0002.xml").statusCode()).as("request 2").isEqualTo(500);
        assertThat(get("/oai/?verb=ListRecords&resumptionToken=page-0002.xml").body()).isEqualTo("<OAI-PMH>second</OAI-PMH>");
        assertThat(get("/oai/?verb=ListRecords&resumptionToken=..%2Fsecret").body()).contains("badResumptionToken");
    }

    @Test
    void anUnknownFaultIsRefused() {
        assertThatThrownBy(() -> ReplayServer.start(root, 0, "boom:3")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("unknown fault 'boom'");
    }
}
