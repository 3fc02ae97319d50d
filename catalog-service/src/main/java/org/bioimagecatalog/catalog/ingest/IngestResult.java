package org.bioimagecatalog.catalog.ingest;

import java.util.List;
import org.bioimagecatalog.catalog.merge.DatasetMerger;

/** What applying one harvested record did, for the consumer's log line and counters. */
public record IngestResult(Outcome outcome, String datasetId, int version, List<String> changedFields) {

    public enum Outcome {
        /** a new dataset version was written and a DatasetChanged queued */
        CHANGED,
        /** the record (or the dataset built from it) says what we already hold: nothing queued */
        UNCHANGED,
        /** the archive deleted the record: the dataset is withdrawn and a tombstone queued */
        WITHDRAWN,
        /** the record's dataset merged into another: a tombstone queued for its old id */
        MERGED,
        /** the message could not be applied and went to the DLQ */
        REJECTED
    }

    public IngestResult {
        changedFields = changedFields == null ? List.of() : List.copyOf(changedFields);
    }

    /**
     * The outcome for the record's dataset: what happened to the dataset it is in now, or (for a deleted
     * record) to the one it was in.
     */
    static IngestResult of(String datasetId, String previousDatasetId, List<DatasetMerger.Change> changes) {
        return changes.stream().filter(c -> c.datasetId().equals(datasetId)).findFirst()
                .or(() -> changes.stream().filter(c -> c.datasetId().equals(previousDatasetId)).findFirst())
                .map(c -> new IngestResult(switch (c.kind()) {
                    case CHANGED -> Outcome.CHANGED;
                    case UNCHANGED -> Outcome.UNCHANGED;
                    case MERGED_AWAY -> Outcome.MERGED;
                    case WITHDRAWN -> Outcome.WITHDRAWN;
                }, c.datasetId(), c.version(), c.changedFields()))
                .orElseGet(() -> unchanged(datasetId, 0));
    }

    static IngestResult unchanged(String datasetId, int version) {
        return new IngestResult(Outcome.UNCHANGED, datasetId, version, List.of());
    }
}
