package org.bioimagecatalog.search.index;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.jboss.logging.Logger;

/**
 * Sets {@code reuseCount} on an indexed dataset document. The update API would bump the document's version
 * and so break the external versioning of dataset events; instead the document is read and written back at
 * the same version ({@code external_gte}), retrying if a newer dataset version slipped in between. A
 * document that does not exist yet takes its count from {@link ReuseCountStore} when it is indexed.
 */
@ApplicationScoped
public class ReuseCountUpdater {
    private static final Logger LOG = Logger.getLogger(ReuseCountUpdater.class);
    private static final int ATTEMPTS = 5;

    private final ElasticsearchGateway es;
    private final IndexBootstrap bootstrap;
    private final IndexingMetrics metrics;

    public ReuseCountUpdater(ElasticsearchGateway es, IndexBootstrap bootstrap, IndexingMetrics metrics) {
        this.es = es;
        this.bootstrap = bootstrap;
        this.metrics = metrics;
    }

    public void apply(String datasetId, int reuseCount) {
        String path = "/" + bootstrap.active().alias() + "/_doc/" + encode(datasetId);
        for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
            var current = es.json("GET", path, null);
            if (current.status() == 404) {
                return;
            }
            JsonNode source = current.body().path("_source");
            if (!source.isObject() || source.path("reuseCount").asInt(-1) == reuseCount) {
                return;
            }
            ((ObjectNode) source).put("reuseCount", reuseCount);
            var written = es.json("PUT", path, Map.of(
                    "version", current.body().path("_version").asText(),
                    "version_type", "external_gte",
                    "require_alias", "true"), source);
            if (written.ok()) {
                metrics.reuseApplied();
                return;
            }
            if (written.status() != 409) {
                LOG.warnf("could not set reuseCount %d on dataset %s: %d %s", reuseCount, datasetId,
                        written.status(), written.errorType());
                return;
            }
        }
        LOG.warnf("reuseCount of dataset %s lost %d races with newer versions; it is applied at the next one",
                datasetId, ATTEMPTS);
    }

    static String encode(String id) {
        return URLEncoder.encode(id, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
