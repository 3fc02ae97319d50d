package org.bioimagecatalog.search.index;

import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.bioimagecatalog.model.ModelJson;
import org.bioimagecatalog.model.events.DatasetChanged;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

/**
 * Consumes {@code datasets.v1} in poll-sized batches into the index. The batch's offsets are committed when
 * this method returns, i.e. after Elasticsearch acknowledged every write; an engine outage stalls the
 * consumer (see {@link IndexingRetry}) instead of losing events. A message that cannot be read is logged,
 * counted and skipped.
 */
@ApplicationScoped
public class DatasetChangedConsumer {
    private static final Logger LOG = Logger.getLogger(DatasetChangedConsumer.class);

    private final DatasetBatchWriter writer;
    private final IndexingRetry retry;
    private final IndexingMetrics metrics;

    public DatasetChangedConsumer(DatasetBatchWriter writer, IndexingRetry retry, IndexingMetrics metrics) {
        this.writer = writer;
        this.retry = retry;
        this.metrics = metrics;
    }

    @Incoming("datasets")
    @Blocking
    public void consume(ConsumerRecords<String, String> records) {
        // the topic is compacted and keyed by dataset: within a batch only the last message per key matters
        Map<String, DatasetChanged> latest = new LinkedHashMap<>();
        for (ConsumerRecord<String, String> record : records) {
            read(record).ifPresent(change -> {
                latest.remove(change.id());
                latest.put(change.id(), change.event());
            });
        }
        if (latest.isEmpty()) {
            return;
        }
        BulkOutcome outcome = retry.untilDone("indexing " + latest.size() + " datasets", () -> writer.apply(latest));
        LOG.debugf("indexed %d, deleted %d, skipped %d stale, %d rejected", outcome.indexed().size(),
                outcome.deleted(), outcome.stale(), outcome.rejected());
    }

    private Optional<Change> read(ConsumerRecord<String, String> record) {
        String key = record.key();
        if (key == null || key.isBlank()) {
            return invalid(record, "missing-key", "no key");
        }
        if (record.value() == null) {
            return Optional.of(new Change(key, null));
        }
        DatasetChanged event;
        try {
            event = ModelJson.read(record.value(), DatasetChanged.class);
        } catch (IllegalArgumentException e) {
            return invalid(record, "unreadable", e.getMessage());
        }
        if (!key.equals(event.datasetId())) {
            return invalid(record, "key-mismatch", "payload is dataset " + event.datasetId());
        }
        if (event.metadata() == null) {
            return invalid(record, "no-metadata", "event carries no metadata");
        }
        return Optional.of(new Change(key, event));
    }

    private Optional<Change> invalid(ConsumerRecord<String, String> record, String reason, String detail) {
        metrics.invalidMessage(record.topic(), reason);
        LOG.warnf("skipped message %s-%d@%d (key %s): %s", record.topic(), record.partition(), record.offset(),
                record.key(), detail);
        return Optional.empty();
    }

    /** A readable message: the event, or null for a tombstone. */
    private record Change(String id, DatasetChanged event) {}
}
