package org.bioimagecatalog.search;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.eclipse.microprofile.config.ConfigProvider;

/** Removes this test JVM's versioned index from the shared cluster (the alias goes with it). */
final class TestIndices {
    private TestIndices() {}

    static void deleteOwnIndex() {
        var config = ConfigProvider.getConfig();
        String host = config.getValue("quarkus.elasticsearch.hosts", String.class).split(",")[0];
        String prefix = config.getOptionalValue("bic.elasticsearch.index-prefix", String.class).orElse("");
        if (prefix.isEmpty()) {
            return; // never touch an unprefixed (shared) index from a test
        }
        try {
            HttpClient.newHttpClient().send(
                    HttpRequest.newBuilder(URI.create("http://" + host + "/" + prefix + "datasets-v1")).DELETE().build(),
                    HttpResponse.BodyHandlers.discarding());
        } catch (java.io.IOException e) {
            // best effort: a leftover index carries a unique prefix and harms nobody
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
