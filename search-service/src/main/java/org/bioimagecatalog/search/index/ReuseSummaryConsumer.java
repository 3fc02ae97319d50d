package org.bioimagecatalog.search.index;

import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
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
 * it) and sets {@code reuseCount} on the document when it exists. A tombstone clears the count. A poll is applied
 * together, its latest summary per dataset: one statement stores them all, one {@code _mget} reads their
 * documents and one {@code _bulk} writes those whose count changes; an engine outage is waited out for the whole
 * poll, whose offsets are committed only after it. A summary that
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
                readSummary(record).filter(summary -> !olderThan(summary, latest.get(record.key())))
                        .ifPresent(summary -> {
                            latest.remove(record.key());
                            latest.put(record.key(), summary);
                        });
            }
        }
        if (latest.isEmpty()) {
            return;
        }
        List<ReuseSummary> summaries = new ArrayList<>();
        List<String> removed = new ArrayList<>();
        latest.forEach((id, summary) -> {
            if (summary == null) {
                removed.add(id);
            } else {
                summaries.add(summary);
            }
        });
        retry.untilDone("applying " + latest.size() + " reuse summaries", () -> {
            Map<String, Integer> counts = new LinkedHashMap<>();
            removed.forEach(id -> counts.put(id, 0));
            counts.putAll(store.storeAll(summaries, removed));
            updater.applyAll(counts);
            return null;
        });
    }

    /**
     * As {@link ReuseCountStore} decides between a summary and the stored one, so that a poll's boundaries do not
     * change which wins: an older summary redelivered after a newer one in the same poll is not applied.
     */
    private static boolean olderThan(ReuseSummary summary, ReuseSummary other) {
        return other != null && summary.occurredAt() != null && other.occurredAt() != null
                && summary.occurredAt().isBefore(other.occurredAt());
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
