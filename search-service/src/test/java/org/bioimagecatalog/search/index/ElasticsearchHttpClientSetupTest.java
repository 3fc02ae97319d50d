package org.bioimagecatalog.search.index;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.http.HttpHost;
import org.elasticsearch.client.Request;
import org.elasticsearch.client.RestClient;
import org.junit.jupiter.api.Test;

/** The client without its auth cache still authenticates preemptively, on the first request of a connection. */
class ElasticsearchHttpClientSetupTest {

    /** Every Authorization header a real HTTP server received, "-" for a request without one. */
    private static List<String> authorizationHeadersSeen(ElasticsearchHttpClientSetup setup) throws Exception {
        List<String> seen = new CopyOnWriteArrayList<>();
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            String auth = exchange.getRequestHeaders().getFirst("Authorization");
            seen.add(auth == null ? "-" : auth);
            byte[] body = "{\"count\":0}".getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
        try (RestClient client = RestClient.builder(new HttpHost("127.0.0.1", server.getAddress().getPort()))
                .setHttpClientConfigCallback(setup).build()) {
            client.performRequest(new Request("GET", "/datasets/_count"));
            client.performRequest(new Request("GET", "/datasets/_count"));
        } finally {
            server.stop(0);
        }
        return seen;
    }

    @Test
    void credentialsAreSentWithTheFirstRequest() throws Exception {
        var setup = new ElasticsearchHttpClientSetup(Optional.of("elastic"), Optional.of("s3cret"));
        assertThat(authorizationHeadersSeen(setup)).containsExactly("Basic ZWxhc3RpYzpzM2NyZXQ=",
                "Basic ZWxhc3RpYzpzM2NyZXQ=");
    }

    @Test
    void withoutCredentialsNothingIsSent() throws Exception {
        var setup = new ElasticsearchHttpClientSetup(Optional.empty(), Optional.empty());
        assertThat(authorizationHeadersSeen(setup)).containsExactly("-", "-");
    }
}
