package org.bioimagecatalog.search.index;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.bioimagecatalog.model.events.DatasetChanged;

/**
 * A readable {@code datasets.v1} message: the event and its quality score, or a tombstone (null event), with the
 * record it was read from (null when built from an event directly), so that it can be dead-lettered as it came.
 */
public record IndexableDataset(String id, DatasetChanged event, Integer quality,
        ConsumerRecord<String, String> record) {
    static IndexableDataset tombstone(String id) {
        return new IndexableDataset(id, null, null, null);
    }

    public static IndexableDataset of(DatasetChanged event) {
        return new IndexableDataset(event.datasetId(), event, null, null);
    }

    public boolean isTombstone() {
        return event == null;
    }
}
