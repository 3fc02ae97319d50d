package org.bioimagecatalog.search.index;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.bioimagecatalog.search.SearchConfig;
import org.jboss.logging.Logger;

/**
 * Makes sure the versioned dataset index and its alias exist, at start-up and whenever a write finds them
 * gone. Idempotent and safe when several replicas start together: "already exists" is success, and an alias
 * that already points elsewhere (a later reindex moved it) is left alone and followed.
 */
@ApplicationScoped
public class IndexBootstrap {
    private static final Logger LOG = Logger.getLogger(IndexBootstrap.class);

    private final ElasticsearchGateway es;
    private final AnalyzerDetector detector;
    private final IndexNames names;
    private final IndexVersionStore versions;
    private final SearchConfig config;
    private volatile ActiveIndex active;

    public IndexBootstrap(ElasticsearchGateway es, AnalyzerDetector detector, IndexNames names,
            IndexVersionStore versions, SearchConfig config) {
        this.es = es;
        this.detector = detector;
        this.names = names;
        this.versions = versions;
        this.config = config;
    }

    void onStart(@Observes StartupEvent event) {
        try {
            ensure();
        } catch (SearchEngineUnavailableException e) {
            // readiness stays down and the consumers retry; the service still starts
            LOG.warnf("index not ensured at start-up, will retry on first use: %s", e.getMessage());
        }
    }

    /** The index behind the alias, ensuring it first if that has not succeeded yet. */
    public ActiveIndex active() {
        ActiveIndex current = active;
        return current != null ? current : ensure();
    }

    public boolean isReady() {
        return active != null;
    }

    /** Forget what is known, e.g. after a write was told the alias does not exist. */
    public void invalidate() {
        active = null;
    }

    public synchronized ActiveIndex ensure() {
        TextAnalysis wanted = detector.detect();
        String index = names.versioned(DatasetIndexMapping.VERSION);
        createIfMissing(index, wanted);
        String serving = aliasTarget().orElseGet(() -> addAlias(index));
        JsonNode meta = meta(serving);
        ActiveIndex ensured = new ActiveIndex(serving, names.alias(),
                meta.path("mappingVersion").asInt(DatasetIndexMapping.VERSION),
                new TextAnalysis(meta.path("analyzer").asText(TextAnalysis.STANDARD)));
        try {
            versions.recordServing(ensured, DatasetIndexMapping.hash(ensured.analysis()));
        } catch (RuntimeException e) {
            // the record is for operators; searching and indexing do not depend on it
            LOG.warnf("could not record index version %s in the database: %s", serving, e.getMessage());
        }
        active = ensured;
        LOG.infof("search index ready: alias %s -> %s (analyser %s)", ensured.alias(), ensured.index(),
                ensured.analysis().analyzer());
        return ensured;
    }

    private void createIfMissing(String index, TextAnalysis analysis) {
        var answer = es.json("PUT", "/" + index, DatasetIndexMapping.createIndexBody(analysis,
                config.index().shards(), config.index().replicas()));
        if (answer.ok()) {
            LOG.infof("created index %s with analyser %s", index, analysis.analyzer());
        } else if (!"resource_already_exists_exception".equals(answer.errorType())) {
            throw new IllegalStateException("cannot create index " + index + ": " + answer.status() + " "
                    + answer.errorType());
        }
    }

    private Optional<String> aliasTarget() {
        var answer = es.json("GET", "/_alias/" + names.alias(), null);
        if (answer.status() == 404) {
            return Optional.empty();
        }
        Iterator<String> indices = answer.body().fieldNames();
        return indices.hasNext() ? Optional.of(indices.next()) : Optional.empty();
    }

    private String addAlias(String index) {
        var add = Map.of("add", Map.of("index", index, "alias", names.alias()));
        var answer = es.json("POST", "/_aliases", Map.of("actions", List.of(add)));
        if (!answer.ok()) {
            throw new IllegalStateException("cannot point alias " + names.alias() + " to " + index + ": "
                    + answer.status() + " " + answer.errorType()
                    + " (a concrete index with the alias's name would explain this)");
        }
        return index;
    }

    private JsonNode meta(String index) {
        var answer = es.json("GET", "/" + index + "/_mapping", null);
        return answer.body().path(index).path("mappings").path("_meta");
    }
}
