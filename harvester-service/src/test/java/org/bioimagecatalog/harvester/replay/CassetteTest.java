package org.bioimagecatalog.harvester.replay;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.bioimagecatalog.harvester.replay.CassetteReplayServer.Answer;
import org.bioimagecatalog.testsupport.Fixtures;
import org.junit.jupiter.api.Test;

/** Both cassette dialects are read, bodies decoded, and replayed over HTTP with their recorded status. */
class CassetteTest {

    @Test
    void rubyVcrBinaryBodiesAreBase64GzipDecoded() {
        Cassette cassette = Cassette.read(Fixtures.require("datacite/rest-api-cassettes/levriero-RelatedIdentifier-import.yml"));

        Cassette.Interaction count = cassette.interactions().get(0);
        assertThat(count.status()).isEqualTo(200);
        assertThat(count.uri().getRawQuery()).contains("page%5Bsize%5D=0");
        assertThat(count.bodyText()).startsWith("{\"data\":[]").contains("\"total\":");
        assertThat(count.headers()).containsKey("Content-Type").doesNotContainKey("Content-Encoding");
    }

    @Test
    void vcrPyBodiesAreReadFromContentAndFromGzippedBinaryStrings() {
        Cassette oai = Cassette.read(Fixtures.require("oai-pmh/zenodo-oai2d-cassettes/list_records.yaml"));
        assertThat(oai.interactions()).hasSize(12);
        assertThat(oai.interactions().get(2).status()).isEqualTo(422);
        assertThat(oai.interactions().get(2).bodyText()).contains("<error code=\"noRecordsMatch\">");

        Cassette zenodo = Cassette.read(Fixtures.require("zenodo/legacy-rest-api-cassettes/catalog_single_record.yaml"));
        assertThat(zenodo.interactions().get(0).uri()).isEqualTo(URI.create("https://zenodo.org/api/records/7078768"));
        assertThat(zenodo.interactions().get(0).bodyText()).startsWith("{").contains("\"conceptrecid\"");
    }

    @Test
    void replayServesRecordingsByPathAndQueryInAnyArgumentOrderAndQueuedFaultsFirst() throws Exception {
        try (CassetteReplayServer server = CassetteReplayServer.replay(
                Fixtures.require("oai-pmh/zenodo-oai2d-cassettes/list_records.yaml"))) {
            server.failNext("from=2030", Answer.status(500));
            HttpClient client = HttpClient.newHttpClient();
            URI uri = URI.create(server.baseUrl() + "/oai2d?metadataPrefix=oai_dc&verb=ListRecords&from=2030-01-01");

            HttpResponse<String> fault = client.send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.ofString());
            HttpResponse<String> recorded = client.send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.ofString());
            HttpResponse<String> unknown = client.send(HttpRequest.newBuilder(URI.create(server.baseUrl() + "/oai2d?verb=Nope"))
                    .build(), HttpResponse.BodyHandlers.ofString());

            assertThat(fault.statusCode()).isEqualTo(500);
            assertThat(recorded.statusCode()).isEqualTo(422);
            assertThat(recorded.body()).contains("noRecordsMatch");
            assertThat(unknown.statusCode()).isEqualTo(404);
            assertThat(server.requests()).hasSize(3);
        }
    }
}
