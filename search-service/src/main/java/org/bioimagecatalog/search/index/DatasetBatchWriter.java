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
    private final SearchDocuments documents;

    public DatasetBatchWriter(DatasetIndexer indexer, ReuseCountStore reuseCounts, ReuseCountUpdater reuseUpdater,
            IndexingMetrics metrics, SearchDocuments documents) {
        this.indexer = indexer;
        this.documents = documents;
        this.reuseCounts = reuseCounts;
        this.reuseUpdater = reuseUpdater;
        this.metrics = metrics;
    }

    /**
     * @param latest per dataset id, the newest event or a tombstone
     * @param unbuildable told of each event no document can be made of (it is left out of the write)
     */
    public BulkOutcome apply(Map<String, IndexableDataset> latest, IndexTarget target, RecordRejection unbuildable) {
        List<String> upserted = latest.entrySet().stream().filter(e -> !e.getValue().isTombstone())
                .map(Map.Entry::getKey).toList();
        Map<String, Integer> countsBefore = reuseCounts.countsFor(upserted);
        List<DocumentChange> changes = new ArrayList<>();
        Map<String, Integer> countsUsed = new HashMap<>();
        latest.forEach((id, dataset) -> {
            if (dataset.isTombstone()) {
                changes.add(DocumentChange.delete(id));
                return;
            }
            DatasetChanged event = dataset.event();
            int reuse = countsBefore.getOrDefault(id, 0);
            try {
                changes.add(DocumentChange.upsert(id, event.version(), documents.build(dataset, reuse)));
                countsUsed.put(id, reuse);
            } catch (RuntimeException e) {
                metrics.rejected("unbuildable");
                String reason = "dataset " + id + " version " + event.version() + " cannot be made into a document: "
                        + e;
                LOG.warn(reason);
                if (dataset.record() != null) {
                    unbuildable.reject(dataset.record(), reason);
                }
            }
        });
        BulkOutcome outcome = indexer.write(changes, target);
        if (target.isLive()) {
            // a replay into a new index gets the counts that change meanwhile after the alias switch
            applyReuseThatRacedIn(outcome.indexed(), countsUsed);
        }
        return outcome;
    }

    private void applyReuseThatRacedIn(Collection<String> indexed, Map<String, Integer> countsUsed) {
        Map<String, Integer> changed = new HashMap<>();
        reuseCounts.countsFor(indexed).forEach((id, now) -> {
            if (!Objects.equals(countsUsed.get(id), now)) {
                changed.put(id, now);
            }
        });
        if (!changed.isEmpty()) {
            reuseUpdater.applyAll(changed);
        }
    }
}
