package org.bioimagecatalog.search.index;

import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * What happens to a {@code datasets.v1} record that cannot be indexed (unreadable, or no document can be made of
 * it): the live consumer sends it to the dead-letter topic ({@link DatasetDeadLetters}); a reindex replay, which
 * reads records the live consumer has already judged, only counts and logs it.
 */
@FunctionalInterface
public interface RecordRejection {
    RecordRejection COUNTED_ONLY = (record, reason) -> { };

    void reject(ConsumerRecord<String, String> record, String reason);
}
