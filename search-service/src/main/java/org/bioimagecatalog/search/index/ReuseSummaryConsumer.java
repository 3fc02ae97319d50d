package org.bioimagecatalog.search.index;

import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.bioimagecatalog.model.ModelJson;
import org.bioimagecatalog.model.events.ReuseSummary;
import org.bioimagecatalog.tracing.TracedConsumer;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

/**
 * Consumes {@code reuse.summary.v1}: stores each summary (so a dataset indexed later, or a rebuilt index, gets
 * it) and sets {@code reuseCount} on the document when it exists. A tombstone clears the count. A summary that
 * cannot be read goes to {@code datasets.dlq.v1} with the reason (the entry names its topic), like an unreadable
 * dataset event.
 */
@ApplicationScoped
public class ReuseSummaryConsumer {
    private static final Logger LOG = Logger.getLogger(ReuseSummaryConsumer.class);

    private final ReuseCountStore store;
    private final ReuseCountUpdater updater;
    private final IndexingRetry retry;
    private final IndexingMetrics metrics;
    private final DatasetDeadLetters deadLetters;

    public ReuseSummaryConsumer(ReuseCountStore store, ReuseCountUpdater updater, IndexingRetry retry,
            IndexingMetrics metrics, DatasetDeadLetters deadLetters) {
        this.store = store;
        this.deadLetters = deadLetters;
        this.updater = updater;
        this.retry = retry;
        this.metrics = metrics;
    }

    @Incoming("reuse-summaries")
    @Blocking
    @TracedConsumer // one span per batch, linked to each record's trace (docs/observability.md)
    public void consume(ConsumerRecords<String, String> records) {
        Map<String, ReuseSummary> latest = new LinkedHashMap<>();
        for (ConsumerRecord<String, String> record : records) {
            if (record.key() == null || record.key().isBlank()) {
                skip(record, "missing-key", "no key");
            } else if (record.value() == null) {
                latest.remove(record.key());
                latest.put(record.key(), null);
            } else {
                readSummary(record).ifPresent(summary -> {
                    latest.remove(record.key());
                    latest.put(record.key(), summary);
                });
            }
        }
        latest.forEach((id, summary) -> retry.untilDone("applying reuse summary of " + id, () -> {
            if (summary == null) {
                store.remove(id);
                updater.apply(id, 0);
            } else {
                updater.apply(id, store.store(summary));
            }
            return null;
        }));
    }

    private Optional<ReuseSummary> readSummary(ConsumerRecord<String, String> record) {
        try {
            ReuseSummary summary = ModelJson.read(record.value(), ReuseSummary.class);
            if (!record.key().equals(summary.datasetId())) {
                skip(record, "key-mismatch", "payload is dataset " + summary.datasetId());
                return Optional.empty();
            }
            return Optional.of(summary);
        } catch (IllegalArgumentException e) {
            skip(record, "unreadable", e.getMessage());
            return Optional.empty();
        }
    }

    private void skip(ConsumerRecord<String, String> record, String reason, String detail) {
        metrics.invalidMessage(record.topic(), reason);
        LOG.warnf("skipped message %s-%d@%d (key %s): %s", record.topic(), record.partition(), record.offset(),
                record.key(), detail);
        deadLetters.reject(record, "unreadable reuse summary: " + reason + ": " + detail);
    }
}
