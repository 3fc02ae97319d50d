package org.bioimagecatalog.catalog.dataset;

import java.util.List;

/** What applying one harvested record did, for the consumer's log line and counters. */
public record IngestResult(Outcome outcome, String datasetId, int version, List<String> changedFields) {

    public enum Outcome {
        /** a new dataset version was written and a DatasetChanged queued */
        CHANGED,
        /** the record (or the dataset built from it) says what we already hold: nothing queued */
        UNCHANGED,
        /** the archive deleted the record: the dataset is withdrawn and a tombstone queued */
        WITHDRAWN,
        /** the message could not be applied and went to the DLQ */
        REJECTED
    }

    public IngestResult {
        changedFields = changedFields == null ? List.of() : List.copyOf(changedFields);
    }

    static IngestResult unchanged(String datasetId, int version) {
        return new IngestResult(Outcome.UNCHANGED, datasetId, version, List.of());
    }
}
