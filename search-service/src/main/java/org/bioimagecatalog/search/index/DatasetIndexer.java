package org.bioimagecatalog.search.index;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
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
 * passing reason (429, 5xx, index missing) are retried; items it refused (bad document) are logged, counted
 * and recorded in {@link RejectedDocumentStore}, and the rest of the batch goes on. During a reindex a live
 * batch is written to the index being built as well ({@link RebuildTarget}).
 */
@ApplicationScoped
public class DatasetIndexer {
    private static final Logger LOG = Logger.getLogger(DatasetIndexer.class);
    private static final Map<String, String> ALIAS_BULK_PARAMS = Map.of("require_alias", "true");

    private final ElasticsearchGateway es;
    private final IndexBootstrap bootstrap;
    private final IndexingMetrics metrics;
    private final IndexingRetry retry;
    private final RebuildTarget rebuild;
    private final RejectedDocumentStore rejects;

    public DatasetIndexer(ElasticsearchGateway es, IndexBootstrap bootstrap, IndexingMetrics metrics,
            IndexingRetry retry, RebuildTarget rebuild, RejectedDocumentStore rejects) {
        this.es = es;
        this.bootstrap = bootstrap;
        this.metrics = metrics;
        this.retry = retry;
        this.rebuild = rebuild;
        this.rejects = rejects;
    }

    public BulkOutcome write(List<DocumentChange> changes) {
        return write(changes, IndexTarget.LIVE);
    }

    public BulkOutcome write(List<DocumentChange> changes, IndexTarget target) {
        // read before writing: a rebuild that starts later replays these events itself (see ReindexService)
        var building = target.isLive() ? rebuild.index() : java.util.Optional.<String>empty();
        BulkOutcome outcome = writeTo(changes, target);
        if (building.isPresent()) {
            changes.stream().filter(DocumentChange::isDelete).forEach(c -> rebuild.deleted(c.id()));
            writeTo(changes, IndexTarget.concrete(building.get()));
        }
        if (target.isLive()) {
            metrics.indexed(outcome.indexed().size());
            metrics.deleted(outcome.deleted());
            metrics.stale(outcome.stale());
        }
        rejects.clear(outcome.indexed());
        return outcome;
    }

    private BulkOutcome writeTo(List<DocumentChange> changes, IndexTarget target) {
        List<String> indexed = new ArrayList<>();
        int deleted = 0;
        int stale = 0;
        int rejected = 0;
        List<DocumentChange> pending = changes;
        Duration backoff = retry.first();
        while (!pending.isEmpty()) {
            String index = target.isLive() ? bootstrap.active().alias() : target.index();
            var answer = es.ndjson("/" + index + "/_bulk", target.isLive() ? ALIAS_BULK_PARAMS : Map.of(),
                    body(pending));
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
                } else if (status == 429 || status >= 500
                        || ("index_not_found_exception".equals(errorType) && target.isLive())) {
                    again.add(change);
                    if ("index_not_found_exception".equals(errorType)) {
                        bootstrap.invalidate();
                    }
                } else if ("index_not_found_exception".equals(errorType)) {
                    // the index a reindex was building is gone (the reindex failed): nothing to retry or record
                    LOG.debugf("dataset %s not written to %s: the index no longer exists", change.id(), index);
                } else {
                    rejected++;
                    reject(change, index, status, errorType, item.path("error").path("reason").asText(""));
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
        return new BulkOutcome(List.copyOf(indexed), deleted, stale, rejected);
    }

    private void reject(DocumentChange change, String index, int status, String errorType, String reason) {
        String type = errorType.isEmpty() ? "status_" + status : errorType;
        metrics.rejected(type);
        LOG.warnf("Elasticsearch rejected dataset %s version %d in %s: %s %s", change.id(), change.version(), index,
                type, reason);
        rejects.record(change.id(), change.version(), index, type, reason);
    }

    /** The bulk body, written as bytes in one pass (no String per line; one copy of the whole body at the end). */
    static byte[] body(List<DocumentChange> changes) {
        ByteArrayOutputStream ndjson = new ByteArrayOutputStream(changes.size() * 4096);
        try {
            for (DocumentChange change : changes) {
                ObjectNode action = ModelJson.mapper().createObjectNode();
                ObjectNode meta = action.putObject(change.isDelete() ? "delete" : "index");
                meta.put("_id", change.id());
                if (!change.isDelete()) {
                    meta.put("version", change.version());
                    meta.put("version_type", "external_gte");
                }
                ModelJson.mapper().writeValue(ndjson, action);
                ndjson.write('\n');
                if (!change.isDelete()) {
                    ModelJson.mapper().writeValue(ndjson, change.source());
                    ndjson.write('\n');
                }
            }
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot serialise a bulk request", e);
        }
        return ndjson.toByteArray();
    }
}
