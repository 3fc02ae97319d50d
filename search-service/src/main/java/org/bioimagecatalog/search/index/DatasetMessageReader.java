package org.bioimagecatalog.search.index;

import com.fasterxml.jackson.databind.ObjectReader;
import java.io.IOException;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.bioimagecatalog.model.ModelJson;
import org.bioimagecatalog.model.events.DatasetChanged;
import org.jboss.logging.Logger;

/**
 * Reads {@code datasets.v1} messages, for the live consumer and for a reindex replay alike. A message that
 * cannot be read is logged with its position, counted and skipped. The metadata quality score is the event's
 * {@code quality.score} as catalog-model defines it; its absence is normal.
 */
@ApplicationScoped
public class DatasetMessageReader {
    private static final Logger LOG = Logger.getLogger(DatasetMessageReader.class);

    private static final ObjectReader EVENTS = ModelJson.mapper().readerFor(DatasetChanged.class);

    private final IndexingMetrics metrics;

    public DatasetMessageReader(IndexingMetrics metrics) {
        this.metrics = metrics;
    }

    /** Per dataset id, the last readable message of the batch (the topic is compacted and keyed by dataset). */
    public Map<String, IndexableDataset> latestPerKey(Iterable<ConsumerRecord<String, String>> records) {
        Map<String, IndexableDataset> latest = new LinkedHashMap<>();
        for (ConsumerRecord<String, String> record : records) {
            read(record).ifPresent(change -> {
                latest.remove(change.id());
                latest.put(change.id(), change);
            });
        }
        return latest;
    }

    Optional<IndexableDataset> read(ConsumerRecord<String, String> record) {
        String key = record.key();
        if (key == null || key.isBlank()) {
            return invalid(record, "missing-key", "no key");
        }
        if (record.value() == null) {
            return Optional.of(IndexableDataset.tombstone(key));
        }
        DatasetChanged event;
        try {
            event = EVENTS.readValue(record.value());
        } catch (IOException | IllegalArgumentException e) {
            return invalid(record, "unreadable", e.getMessage());
        }
        if (event == null) {
            return invalid(record, "unreadable", "empty payload");
        }
        if (!key.equals(event.datasetId())) {
            return invalid(record, "key-mismatch", "payload is dataset " + event.datasetId());
        }
        if (event.metadata() == null) {
            return invalid(record, "no-metadata", "event carries no metadata");
        }
        return Optional.of(new IndexableDataset(key, event, quality(event)));
    }

    /** The event's {@code quality.score} when it is a score (0..100), else null. */
    static Integer quality(DatasetChanged event) {
        if (event.quality() == null) {
            return null;
        }
        int score = event.quality().score();
        return score < 0 || score > 100 ? null : score;
    }

    private Optional<IndexableDataset> invalid(ConsumerRecord<String, String> record, String reason, String detail) {
        metrics.invalidMessage(record.topic(), reason);
        LOG.warnf("skipped message %s-%d@%d (key %s): %s", record.topic(), record.partition(), record.offset(),
                record.key(), detail);
        return Optional.empty();
    }
}
