package org.bioimagecatalog.search.index;

import org.bioimagecatalog.model.events.DatasetChanged;

/** A readable {@code datasets.v1} message: the event and its quality score, or a tombstone (null event). */
public record IndexableDataset(String id, DatasetChanged event, Integer quality) {
    static IndexableDataset tombstone(String id) {
        return new IndexableDataset(id, null, null);
    }

    public static IndexableDataset of(DatasetChanged event) {
        return new IndexableDataset(event.datasetId(), event, null);
    }

    public boolean isTombstone() {
        return event == null;
    }
}
