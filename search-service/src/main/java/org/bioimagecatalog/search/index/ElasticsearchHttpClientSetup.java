package org.bioimagecatalog.search.index;

import io.quarkus.elasticsearch.restclient.lowlevel.ElasticsearchClientConfig;
import jakarta.enterprise.context.Dependent;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import org.apache.http.HttpHeaders;
import org.apache.http.impl.nio.client.HttpAsyncClientBuilder;
import org.apache.http.message.BasicHeader;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.elasticsearch.client.RestClientBuilder;

/**
 * Takes the auth cache out of the Elasticsearch client's request path. The low-level client hands every request
 * an auth cache holding a Basic scheme per node, and Apache's {@code BasicAuthCache} keeps schemes serialised:
 * each request deserialised one with {@code ObjectInputStream}: a fifth of search-service's own samples per
 * search in a profile (bin/bench search, docs/performance.md). Without credentials the cache does nothing; with
 * {@code quarkus.elasticsearch.username} the same preemptive Basic authentication is sent as a default header
 * instead. (An API key is a default header already.)
 */
@ElasticsearchClientConfig
@Dependent
public class ElasticsearchHttpClientSetup implements RestClientBuilder.HttpClientConfigCallback {
    private final Optional<String> username;
    private final Optional<String> password;

    public ElasticsearchHttpClientSetup(
            @ConfigProperty(name = "quarkus.elasticsearch.username") Optional<String> username,
            @ConfigProperty(name = "quarkus.elasticsearch.password") Optional<String> password) {
        this.username = username;
        this.password = password;
    }

    @Override
    public HttpAsyncClientBuilder customizeHttpClient(HttpAsyncClientBuilder builder) {
        builder.disableAuthCaching();
        username.ifPresent(user -> builder.setDefaultHeaders(List.of(new BasicHeader(HttpHeaders.AUTHORIZATION,
                basic(user, password.orElse(""))))));
        return builder;
    }

    static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }
}
