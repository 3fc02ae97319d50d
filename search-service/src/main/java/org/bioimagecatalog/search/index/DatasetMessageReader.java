package org.bioimagecatalog.search.index;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.deser.DeserializationProblemHandler;
import com.fasterxml.jackson.databind.node.IntNode;
import java.io.IOException;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.bioimagecatalog.model.DatasetMetadata;
import org.bioimagecatalog.model.ModelJson;
import org.bioimagecatalog.model.events.DatasetChanged;
import org.jboss.logging.Logger;

/**
 * Reads {@code datasets.v1} messages, for the live consumer and for a reindex replay alike. A message that
 * cannot be read is logged with its position, counted and handed to a {@link RecordRejection} (the live consumer's
 * sends it to the dead-letter topic). The metadata quality score is the event's
 * {@code quality.score} (catalog-service sends it) or {@code metadata.quality.score} (older events, bin/bench);
 * its absence is normal.
 */
@ApplicationScoped
public class DatasetMessageReader {
    private static final Logger LOG = Logger.getLogger(DatasetMessageReader.class);

    private static final ObjectReader EVENTS = ModelJson.mapper().copy().addHandler(new MetadataQualityCatcher())
            .readerFor(DatasetChanged.class);

    private final IndexingMetrics metrics;

    public DatasetMessageReader(IndexingMetrics metrics) {
        this.metrics = metrics;
    }

    /** Per dataset id, the last readable message of the batch (the topic is compacted and keyed by dataset). */
    public Map<String, IndexableDataset> latestPerKey(Iterable<ConsumerRecord<String, String>> records,
            RecordRejection unreadable) {
        Map<String, IndexableDataset> latest = new LinkedHashMap<>();
        for (ConsumerRecord<String, String> record : records) {
            read(record, unreadable).ifPresent(change -> {
                latest.remove(change.id());
                latest.put(change.id(), change);
            });
        }
        return latest;
    }

    Optional<IndexableDataset> read(ConsumerRecord<String, String> record) {
        return read(record, RecordRejection.COUNTED_ONLY);
    }

    private Optional<IndexableDataset> read(ConsumerRecord<String, String> record, RecordRejection rejection) {
        String key = record.key();
        if (key == null || key.isBlank()) {
            return invalid(record, "missing-key", "no key", rejection);
        }
        if (record.value() == null) {
            return Optional.of(IndexableDataset.tombstone(key));
        }
        MetadataQuality metadataQuality = new MetadataQuality();
        DatasetChanged event;
        try {
            event = EVENTS.withAttribute(MetadataQuality.class, metadataQuality).readValue(record.value());
        } catch (IOException | IllegalArgumentException e) {
            return invalid(record, "unreadable", e.getMessage(), rejection);
        }
        if (event == null) {
            return invalid(record, "unreadable", "empty payload", rejection);
        }
        if (!key.equals(event.datasetId())) {
            return invalid(record, "key-mismatch", "payload is dataset " + event.datasetId(), rejection);
        }
        if (event.metadata() == null) {
            return invalid(record, "no-metadata", "event carries no metadata", rejection);
        }
        return Optional.of(new IndexableDataset(key, event, quality(metadataQuality.node, event), record));
    }

    /** The rule of {@link #quality(JsonNode)} for an event read in one pass and its caught metadata.quality. */
    static Integer quality(JsonNode metadataQuality, DatasetChanged event) {
        Integer score = metadataQuality == null ? null : score(metadataQuality.path("score"));
        if (score == null && event.quality() != null) {
            score = score(IntNode.valueOf(event.quality().score()));
        }
        return score;
    }

    /** {@code metadata.quality.score} (or {@code quality.score}) as a whole number 0..100, else null. */
    static Integer quality(JsonNode event) {
        Integer score = score(event.path("metadata").path("quality").path("score"));
        return score != null ? score : score(event.path("quality").path("score"));
    }

    private static Integer score(JsonNode score) {
        if (!score.isNumber()) {
            return null;
        }
        long value = Math.round(score.asDouble());
        return value < 0 || value > 100 ? null : (int) value;
    }

    /** Where {@link MetadataQualityCatcher} leaves {@code metadata.quality} of the message being read. */
    private static final class MetadataQuality {
        JsonNode node;
    }

    /**
     * {@code metadata.quality} is not part of the model ({@code DatasetMetadata} has no such field; older events
     * and bin/bench put the score there), so the deserialiser meets it as an unknown property: this handler
     * keeps it instead of skipping it. Each message is so read in a single pass, without a tree of the whole
     * message besides the event.
     */
    private static final class MetadataQualityCatcher extends DeserializationProblemHandler {
        @Override
        public boolean handleUnknownProperty(DeserializationContext ctxt, JsonParser p, JsonDeserializer<?> deserializer,
                Object beanOrClass, String propertyName) throws IOException {
            boolean inMetadata = beanOrClass == DatasetMetadata.class || beanOrClass instanceof DatasetMetadata;
            if (inMetadata && "quality".equals(propertyName)
                    && ctxt.getAttribute(MetadataQuality.class) instanceof MetadataQuality holder) {
                holder.node = ctxt.readTree(p);
                return true;
            }
            return false;
        }
    }

    private Optional<IndexableDataset> invalid(ConsumerRecord<String, String> record, String reason, String detail,
            RecordRejection rejection) {
        metrics.invalidMessage(record.topic(), reason);
        LOG.warnf("skipped message %s-%d@%d (key %s): %s", record.topic(), record.partition(), record.offset(),
                record.key(), detail);
        rejection.reject(record, reason + ": " + detail);
        return Optional.empty();
    }
}
