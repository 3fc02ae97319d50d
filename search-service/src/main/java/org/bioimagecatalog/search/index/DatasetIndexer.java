package org.bioimagecatalog.search.index;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.bioimagecatalog.model.ModelJson;
import org.jboss.logging.Logger;

/**
 * Writes document changes through the alias with the bulk API. Upserts carry the dataset's {@code version} as
 * an external version ({@code external_gte}): an older event than the indexed one gets a 409 and is skipped,
 * the same event again is a harmless overwrite. {@code require_alias} stops a write from auto-creating a
 * concrete index under the alias's name if the alias vanished. Items Elasticsearch could not take for a
 * passing reason (429, 5xx, index missing) are retried; items it refused (bad document) are logged and
 * counted, and the rest of the batch goes on.
 */
@ApplicationScoped
public class DatasetIndexer {
    private static final Logger LOG = Logger.getLogger(DatasetIndexer.class);
    private static final Map<String, String> BULK_PARAMS = Map.of("require_alias", "true");

    private final ElasticsearchGateway es;
    private final IndexBootstrap bootstrap;
    private final IndexingMetrics metrics;
    private final IndexingRetry retry;

    public DatasetIndexer(ElasticsearchGateway es, IndexBootstrap bootstrap, IndexingMetrics metrics,
            IndexingRetry retry) {
        this.es = es;
        this.bootstrap = bootstrap;
        this.metrics = metrics;
        this.retry = retry;
    }

    public BulkOutcome write(List<DocumentChange> changes) {
        List<String> indexed = new ArrayList<>();
        int deleted = 0;
        int stale = 0;
        int rejected = 0;
        List<DocumentChange> pending = changes;
        Duration backoff = retry.first();
        while (!pending.isEmpty()) {
            String alias = bootstrap.active().alias();
            var answer = es.ndjson("/" + alias + "/_bulk", BULK_PARAMS, body(pending));
            if (!answer.ok()) {
                throw new SearchEngineUnavailableException("bulk request refused: " + answer.status() + " "
                        + answer.errorType(), null);
            }
            List<DocumentChange> again = new ArrayList<>();
            JsonNode items = answer.body().path("items");
            for (int i = 0; i < pending.size(); i++) {
                DocumentChange change = pending.get(i);
                JsonNode item = items.path(i).path(change.isDelete() ? "delete" : "index");
                int status = item.path("status").asInt(500);
                String errorType = item.path("error").path("type").asText("");
                if (status == 200 || status == 201 || (change.isDelete() && status == 404 && errorType.isEmpty())) {
                    if (change.isDelete()) {
                        deleted++;
                    } else {
                        indexed.add(change.id());
                    }
                } else if (status == 409) {
                    stale++;
                    LOG.debugf("dataset %s version %d is older than the indexed one; skipped", change.id(),
                            change.version());
                } else if (status == 429 || status >= 500 || "index_not_found_exception".equals(errorType)) {
                    again.add(change);
                    if ("index_not_found_exception".equals(errorType)) {
                        bootstrap.invalidate();
                    }
                } else {
                    rejected++;
                    metrics.rejected(errorType.isEmpty() ? "status_" + status : errorType);
                    LOG.warnf("Elasticsearch rejected dataset %s version %d: %s %s", change.id(), change.version(),
                            errorType, item.path("error").path("reason").asText(""));
                }
            }
            if (!again.isEmpty()) {
                LOG.warnf("%d of %d bulk items must be retried (Elasticsearch busy or index missing)", again.size(),
                        pending.size());
                retry.pause(backoff);
                backoff = retry.next(backoff);
            }
            pending = again;
        }
        metrics.indexed(indexed.size());
        metrics.deleted(deleted);
        metrics.stale(stale);
        return new BulkOutcome(List.copyOf(indexed), deleted, stale, rejected);
    }

    private static String body(List<DocumentChange> changes) {
        StringBuilder ndjson = new StringBuilder();
        for (DocumentChange change : changes) {
            ObjectNode action = ModelJson.mapper().createObjectNode();
            ObjectNode meta = action.putObject(change.isDelete() ? "delete" : "index");
            meta.put("_id", change.id());
            if (!change.isDelete()) {
                meta.put("version", change.version());
                meta.put("version_type", "external_gte");
            }
            ndjson.append(ModelJson.write(action)).append('\n');
            if (!change.isDelete()) {
                ndjson.append(ModelJson.write(change.source())).append('\n');
            }
        }
        return ndjson.toString();
    }
}
