package org.bioimagecatalog.search.query;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.bioimagecatalog.model.ModelJson;
import org.bioimagecatalog.search.index.DatasetIndexMapping;
import org.bioimagecatalog.search.index.TextAnalysis;
import org.bioimagecatalog.testsupport.LocalStack;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The local cluster has no {@code english} analyser, so the service's own tests run the {@code standard}
 * branch. This test exercises the other branch on the real engine with an analyser every distribution has
 * ({@code whitespace}): the mapping with {@code .stemmed} sub-fields is accepted, and a search built for it
 * runs, sub-fields included, and finds the document (a word in the title, an accession in another case).
 */
class RicherAnalysisMappingTest {
    private final HttpClient http = HttpClient.newHttpClient();
    private final String index = "mapping-check-" + ProcessHandle.current().pid() + "-" + System.nanoTime();

    @AfterEach
    void deleteIndex() throws Exception {
        send("DELETE", "/" + index, null);
    }

    @Test
    void mappingWithStemmedSubfieldsIsAcceptedAndQueriedByTheBuilder() throws Exception {
        LocalStack.ensureRunning();
        TextAnalysis whitespace = new TextAnalysis("whitespace");
        assertThat(send("PUT", "/" + index, DatasetIndexMapping.createIndexBody(whitespace, 1, 0)).statusCode())
                .isEqualTo(200);
        var doc = Map.of("id", "bic-x", "title", "Zebrafish heart", "identifiers", List.of("EMPIAR-10002"));
        assertThat(send("PUT", "/" + index + "/_doc/bic-x?refresh=true", doc).statusCode()).isEqualTo(201);

        var request = new SearchRequest("heart empiar-10002", Map.of(), 1, 10);
        var answer = send("POST", "/" + index + "/_search", new SearchQueryBuilder(10).build(request, whitespace));

        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(ModelJson.mapper().readTree(answer.body()).path("hits").path("total").path("value").asInt())
                .isEqualTo(1);
        var mapping = ModelJson.mapper().readTree(send("GET", "/" + index + "/_mapping", null).body());
        assertThat(mapping.path(index).path("mappings").path("properties").path("title").path("fields")
                .path("stemmed").path("analyzer").asText()).isEqualTo("whitespace");
    }

    private HttpResponse<String> send(String method, String path, Object body) throws IOException, InterruptedException {
        var builder = HttpRequest.newBuilder(URI.create("http://" + LocalStack.elasticsearchHost() + path))
                .header("Content-Type", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(ModelJson.write(body)));
        return http.send(builder.build(), HttpResponse.BodyHandlers.ofString());
    }
}
