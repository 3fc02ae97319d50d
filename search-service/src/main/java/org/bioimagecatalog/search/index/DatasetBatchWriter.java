package org.bioimagecatalog.search.index;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.bioimagecatalog.model.events.DatasetChanged;
import org.jboss.logging.Logger;

/**
 * Applies one batch of dataset events (latest per key) to the index. Reuse counts come from the database
 * before the write, and are checked again after it: a reuse summary that arrived in between found no
 * document to update, so it is applied here instead.
 */
@ApplicationScoped
public class DatasetBatchWriter {
    private static final Logger LOG = Logger.getLogger(DatasetBatchWriter.class);

    private final DatasetIndexer indexer;
    private final ReuseCountStore reuseCounts;
    private final ReuseCountUpdater reuseUpdater;
    private final IndexingMetrics metrics;

    public DatasetBatchWriter(DatasetIndexer indexer, ReuseCountStore reuseCounts, ReuseCountUpdater reuseUpdater,
            IndexingMetrics metrics) {
        this.indexer = indexer;
        this.reuseCounts = reuseCounts;
        this.reuseUpdater = reuseUpdater;
        this.metrics = metrics;
    }

    /** @param latest per dataset id, the newest event, or null for a tombstone */
    public BulkOutcome apply(Map<String, DatasetChanged> latest) {
        List<String> upserted = latest.entrySet().stream().filter(e -> e.getValue() != null)
                .map(Map.Entry::getKey).toList();
        Map<String, Integer> countsBefore = reuseCounts.countsFor(upserted);
        List<DocumentChange> changes = new ArrayList<>();
        Map<String, Integer> countsUsed = new HashMap<>();
        latest.forEach((id, event) -> {
            if (event == null) {
                changes.add(DocumentChange.delete(id));
                return;
            }
            int reuse = countsBefore.getOrDefault(id, 0);
            try {
                changes.add(DocumentChange.upsert(id, event.version(), DatasetDocumentBuilder.build(event, reuse)));
                countsUsed.put(id, reuse);
            } catch (RuntimeException e) {
                metrics.rejected("unbuildable");
                LOG.warnf("dataset %s version %d cannot be made into a document: %s", id, event.version(),
                        e.getMessage());
            }
        });
        BulkOutcome outcome = indexer.write(changes);
        applyReuseThatRacedIn(outcome.indexed(), countsUsed);
        return outcome;
    }

    private void applyReuseThatRacedIn(Collection<String> indexed, Map<String, Integer> countsUsed) {
        reuseCounts.countsFor(indexed).forEach((id, now) -> {
            if (!Objects.equals(countsUsed.get(id), now)) {
                reuseUpdater.apply(id, now);
            }
        });
    }
}
