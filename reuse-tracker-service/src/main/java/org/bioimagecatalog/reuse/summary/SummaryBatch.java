package org.bioimagecatalog.reuse.summary;

import io.opentelemetry.context.Context;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.bioimagecatalog.model.ModelJson;
import org.bioimagecatalog.model.events.ReuseSummary;
import org.bioimagecatalog.reuse.citation.CitationLink;
import org.bioimagecatalog.reuse.dataset.TrackedDataset;

/**
 * The summaries of one batch of locked stale datasets: computes each one's figures, sends every changed summary
 * without waiting between sends, waits for all the acknowledgements within one timeout, and only then marks the
 * datasets published (hash stored, stale flag cleared). When a send fails or times out it throws and leaves every
 * dataset of the batch as it was, for the caller's transaction to roll back.
 */
final class SummaryBatch {

    /** Sends one summary in the given trace context; completes when Kafka acknowledged it. */
    interface Sender {
        CompletionStage<Void> send(ReuseSummary summary, Context context);
    }

    private final Sender sender;
    private final Duration timeout;

    SummaryBatch(Sender sender, Duration timeout) {
        this.sender = sender;
        this.timeout = timeout;
    }

    /**
     * @param locked the batch's datasets, locked and still marked stale
     * @param links their links by dataset id (with publications)
     * @param contexts the trace context of each dataset's summary (the event that made it stale); absent: current
     * @return the summaries sent and acknowledged
     */
    List<ReuseSummaryPublisher.SummaryContent> publish(List<TrackedDataset> locked,
            Map<String, List<CitationLink>> links, Map<String, Context> contexts) {
        List<String> hashes = new ArrayList<>(locked.size());
        List<ReuseSummaryPublisher.SummaryContent> sent = new ArrayList<>();
        List<CompletableFuture<Void>> acks = new ArrayList<>();
        for (TrackedDataset dataset : locked) {
            ReuseSummaryPublisher.SummaryContent content = ReuseSummaryPublisher.SummaryContent.of(dataset.datasetId,
                    ReuseFigures.of(links.getOrDefault(dataset.datasetId, List.of())));
            String hash = content.hash();
            hashes.add(hash);
            // a dataset with no summary yet counts as "no citations": no need to announce zero
            String previous = dataset.summaryHash != null ? dataset.summaryHash
                    : ReuseSummaryPublisher.SummaryContent.of(dataset.datasetId, ReuseFigures.of(List.of())).hash();
            if (!hash.equals(previous)) {
                acks.add(send(content, hash, contexts.getOrDefault(dataset.datasetId, Context.current())));
                sent.add(content);
            }
        }
        awaitAll(acks);
        for (int i = 0; i < locked.size(); i++) {
            locked.get(i).summaryHash = hashes.get(i);
            locked.get(i).summaryStale = false;
        }
        return sent;
    }

    private CompletableFuture<Void> send(ReuseSummaryPublisher.SummaryContent content, String hash, Context context) {
        ReuseSummary summary = new ReuseSummary(UUID.randomUUID().toString(), ReuseSummary.SCHEMA_VERSION,
                content.datasetId(), Instant.now(), hash, content.datasetId(), content.citations(), content.reuses(),
                content.distinctCitingWorks(), content.byYear());
        try {
            return sender.send(summary, context).toCompletableFuture();
        } catch (RuntimeException e) { // refused before it was queued, e.g. the emitter's buffer is full
            return CompletableFuture.failedFuture(e);
        }
    }

    /** Waits for every acknowledgement within one timeout; the first failure ends the wait. */
    private void awaitAll(List<CompletableFuture<Void>> acks) {
        long deadline = System.nanoTime() + timeout.toNanos();
        for (CompletableFuture<Void> ack : acks) {
            try {
                ack.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            } catch (ExecutionException e) {
                throw new NotAcknowledged("Kafka did not take a reuse summary: " + e.getCause(), e.getCause());
            } catch (TimeoutException e) {
                throw new NotAcknowledged("Kafka did not acknowledge " + acks.size() + " reuse summaries within "
                        + timeout, e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new NotAcknowledged("interrupted while waiting for Kafka", e);
            }
        }
    }

    /** A batch Kafka did not acknowledge: its transaction rolls back and its datasets stay stale. */
    static final class NotAcknowledged extends RuntimeException {
        NotAcknowledged(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
