package org.bioimagecatalog.search.index;

import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.bioimagecatalog.tracing.TracedConsumer;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

/**
 * Consumes {@code datasets.v1} in poll-sized batches into the index. The batch's offsets are committed when
 * this method returns, i.e. after Elasticsearch acknowledged every write; an engine outage stalls the
 * consumer (see {@link IndexingRetry}) instead of losing events. A message that cannot be read
 * ({@link DatasetMessageReader}) or made into a document goes to the dead-letter topic with the reason
 * ({@link DatasetDeadLetters}), and the batch goes on.
 */
@ApplicationScoped
public class DatasetChangedConsumer {
    private static final Logger LOG = Logger.getLogger(DatasetChangedConsumer.class);

    private final DatasetMessageReader reader;
    private final DatasetBatchWriter writer;
    private final IndexingRetry retry;
    private final DatasetDeadLetters deadLetters;

    public DatasetChangedConsumer(DatasetMessageReader reader, DatasetBatchWriter writer, IndexingRetry retry,
            DatasetDeadLetters deadLetters) {
        this.reader = reader;
        this.deadLetters = deadLetters;
        this.writer = writer;
        this.retry = retry;
    }

    @Incoming("datasets")
    @Blocking
    @TracedConsumer // one span per batch, linked to each record's trace (docs/observability.md)
    public void consume(ConsumerRecords<String, String> records) {
        Map<String, IndexableDataset> latest = reader.latestPerKey(records, deadLetters);
        if (latest.isEmpty()) {
            return;
        }
        // the write is retried whole while Elasticsearch is away: each unbuildable record is dead-lettered once
        Set<Object> deadLettered = Collections.newSetFromMap(new IdentityHashMap<>());
        RecordRejection unbuildable = (record, reason) -> {
            if (deadLettered.add(record)) {
                deadLetters.reject(record, reason);
            }
        };
        BulkOutcome outcome = retry.untilDone("indexing " + latest.size() + " datasets",
                () -> writer.apply(latest, IndexTarget.LIVE, unbuildable));
        LOG.debugf("indexed %d, deleted %d, skipped %d stale, %d rejected", outcome.indexed().size(),
                outcome.deleted(), outcome.stale(), outcome.rejected());
    }
}
