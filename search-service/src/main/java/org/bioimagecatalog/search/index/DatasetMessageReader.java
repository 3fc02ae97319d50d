package org.bioimagecatalog.search.index;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
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
 * {@code quality.score} (catalog-service sends it) or {@code metadata.quality.score} (older events, bin/bench);
 * its absence is normal.
 */
@ApplicationScoped
public class DatasetMessageReader {
    private static final Logger LOG = Logger.getLogger(DatasetMessageReader.class);

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
        JsonNode tree;
        DatasetChanged event;
        try {
            tree = ModelJson.mapper().readTree(record.value());
            event = ModelJson.mapper().treeToValue(tree, DatasetChanged.class);
        } catch (JsonProcessingException | IllegalArgumentException e) {
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
        return Optional.of(new IndexableDataset(key, event, quality(tree)));
    }

    /** {@code metadata.quality.score} (or {@code quality.score}) as a whole number 0..100, else null. */
    static Integer quality(JsonNode event) {
        JsonNode score = event.path("metadata").path("quality").path("score");
        if (!score.isNumber()) {
            score = event.path("quality").path("score");
        }
        if (!score.isNumber()) {
            return null;
        }
        long value = Math.round(score.asDouble());
        return value < 0 || value > 100 ? null : (int) value;
    }

    private Optional<IndexableDataset> invalid(ConsumerRecord<String, String> record, String reason, String detail) {
        metrics.invalidMessage(record.topic(), reason);
        LOG.warnf("skipped message %s-%d@%d (key %s): %s", record.topic(), record.partition(), record.offset(),
                record.key(), detail);
        return Optional.empty();
    }
}
