package org.bioimagecatalog.search.index;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.bioimagecatalog.model.ModelJson;
import org.jboss.logging.Logger;

/**
 * Sets {@code reuseCount} on indexed dataset documents. The update API would bump a document's version and so
 * break the external versioning of dataset events; instead the documents are read ({@code _mget}) and written
 * back at the version read ({@code _bulk}, {@code external_gte}), and a document a newer dataset version
 * slipped into meanwhile (409) is read and written again. A document that does not exist yet takes its count
 * from {@link ReuseCountStore} when it is indexed. Elasticsearch busy or down raises
 * {@link SearchEngineUnavailableException}, for the caller's {@link IndexingRetry} to wait out.
 */
@ApplicationScoped
public class ReuseCountUpdater {
    private static final Logger LOG = Logger.getLogger(ReuseCountUpdater.class);
    private static final int ATTEMPTS = 5;
    /** Documents per {@code _mget}/{@code _bulk}: a poll's summaries at most, a reindex's catch-up in slices. */
    private static final int SLICE = 500;
    private static final Map<String, String> ALIAS_BULK_PARAMS = Map.of("require_alias", "true");

    private final ElasticsearchGateway es;
    private final IndexBootstrap bootstrap;
    private final IndexingMetrics metrics;

    public ReuseCountUpdater(ElasticsearchGateway es, IndexBootstrap bootstrap, IndexingMetrics metrics) {
        this.es = es;
        this.bootstrap = bootstrap;
        this.metrics = metrics;
    }

    /** Sets each dataset's reuse count on its document, if it is indexed and has another count. */
    public void applyAll(Map<String, Integer> reuseCounts) {
        List<Map.Entry<String, Integer>> entries = new ArrayList<>(reuseCounts.entrySet());
        for (int from = 0; from < entries.size(); from += SLICE) {
            Map<String, Integer> slice = new LinkedHashMap<>();
            entries.subList(from, Math.min(entries.size(), from + SLICE)).forEach(e -> slice.put(e.getKey(), e.getValue()));
            applySlice(slice);
        }
    }

    private void applySlice(Map<String, Integer> reuseCounts) {
        String alias = bootstrap.active().alias();
        Map<String, Integer> pending = reuseCounts;
        for (int attempt = 1; attempt <= ATTEMPTS && !pending.isEmpty(); attempt++) {
            List<Write> writes = changedDocuments(alias, pending);
            if (writes.isEmpty()) {
                return;
            }
            pending = write(alias, writes);
        }
        pending.forEach((id, count) -> LOG.warnf("reuseCount of dataset %s lost %d races with newer versions; it is "
                + "applied at the next one", id, ATTEMPTS));
    }

    /** The documents that exist and show another count, with the count set, at the version read. */
    private List<Write> changedDocuments(String alias, Map<String, Integer> reuseCounts) {
        ObjectNode request = ModelJson.mapper().createObjectNode();
        reuseCounts.keySet().forEach(request.putArray("ids")::add);
        var answer = es.json("POST", "/" + alias + "/_mget", request);
        if (answer.status() == 404) {
            return List.of(); // no index yet: the documents take their counts when indexed
        }
        if (!answer.ok()) {
            throw new SearchEngineUnavailableException("reading documents for their reuse counts failed: "
                    + answer.status() + " " + answer.errorType(), null);
        }
        List<Write> writes = new ArrayList<>();
        for (JsonNode doc : answer.body().path("docs")) {
            String id = doc.path("_id").asText();
            Integer count = reuseCounts.get(id);
            JsonNode source = doc.path("_source");
            if (count == null || !doc.path("found").asBoolean(false) || !source.isObject()
                    || source.path("reuseCount").asInt(-1) == count) {
                continue;
            }
            ((ObjectNode) source).put("reuseCount", count);
            writes.add(new Write(id, count, DocumentChange.upsert(id, doc.path("_version").asInt(), (ObjectNode) source)));
        }
        return writes;
    }

    /** Writes the documents back; answers those a newer dataset version got into first (409), to try again. */
    private Map<String, Integer> write(String alias, List<Write> writes) {
        var answer = es.ndjson("/" + alias + "/_bulk", ALIAS_BULK_PARAMS,
                DatasetIndexer.body(writes.stream().map(Write::change).toList()));
        if (!answer.ok()) {
            throw new SearchEngineUnavailableException("writing reuse counts refused: " + answer.status() + " "
                    + answer.errorType(), null);
        }
        Map<String, Integer> raced = new LinkedHashMap<>();
        JsonNode items = answer.body().path("items");
        for (int i = 0; i < writes.size(); i++) {
            Write write = writes.get(i);
            JsonNode item = items.path(i).path("index");
            int status = item.path("status").asInt(500);
            if (status == 200 || status == 201) {
                metrics.reuseApplied();
            } else if (status == 409) {
                raced.put(write.id(), write.count());
            } else if (status == 429 || status >= 500) {
                // stored already, so applying the whole poll again is harmless
                throw new SearchEngineUnavailableException("Elasticsearch could not take reuseCount of dataset "
                        + write.id() + ": " + status, null);
            } else {
                LOG.warnf("could not set reuseCount %d on dataset %s: %d %s", write.count(), write.id(), status,
                        item.path("error").path("type").asText(""));
            }
        }
        return raced;
    }

    private record Write(String id, int count, DocumentChange change) {}
}
