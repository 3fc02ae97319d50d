package org.bioimagecatalog.reuse.summary;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.opentelemetry.context.Context;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.Startup;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.TracingMetadata;
import io.smallrye.reactive.messaging.kafka.KafkaRecord;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.CompletionStage;
import org.bioimagecatalog.model.ModelJson;
import org.bioimagecatalog.model.events.ReuseSummary;
import org.bioimagecatalog.reuse.ReuseConfig;
import org.bioimagecatalog.reuse.citation.CitationLink;
import org.bioimagecatalog.reuse.dataset.TrackedDataset;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.hibernate.Session;
import org.jboss.logging.Logger;

/**
 * Publishes datasets' {@link ReuseSummary} on {@code reuse.summary.v1} (key = datasetId) when their figures
 * differ from the last ones published, a batch at a time: in one transaction it locks the batch's stale datasets
 * (in dataset id order, so that the consumer and the sweep never deadlock each other), reads all their links in one
 * query, sends every changed summary without waiting between sends, then waits for all of Kafka's
 * acknowledgements (within {@code bic.reuse.publish-timeout}) and only then clears the stale flags and stores the
 * hashes. If any send fails or is not acknowledged in time, the whole transaction rolls back: every dataset of the
 * batch stays stale and {@link ReuseSummarySweep} publishes it later. A summary Kafka did acknowledge may then be
 * sent a second time; that is harmless, since the topic is compacted by dataset and its readers keep the newest.
 * The row locks also mean that the consumer and the sweep never publish the same change twice. Each summary is
 * sent in a span of the trace it is given (the dataset event that made it stale), its context in the headers.
 * Created at start-up so that its counter is on /q/metrics (at 0) before the first summary.
 */
@Startup
@ApplicationScoped
public class ReuseSummaryPublisher {
    private static final Logger LOG = Logger.getLogger(ReuseSummaryPublisher.class);
    /**
     * Datasets per transaction: bounds the rows locked at once and the messages in flight (well under the emitter's
     * buffer); a poll of datasets.v1 (100 records) fits in one.
     */
    static final int MAX_BATCH = 100;

    private final MutinyEmitter<String> emitter;
    private final SummaryBatch batch;
    private final Counter published;

    public ReuseSummaryPublisher(@Channel("reuse-summary") MutinyEmitter<String> emitter, ReuseConfig config,
            MeterRegistry meters) {
        this.emitter = emitter;
        this.batch = new SummaryBatch(this::send, config.publishTimeout());
        this.published = Counter.builder("bic.reuse.summaries.published")
                .description("Reuse summaries published on reuse.summary.v1").register(meters);
    }

    /** What the summary's content hash covers: the figures, not the envelope. */
    record SummaryContent(String datasetId, int citations, int reuses, int distinctCitingWorks,
            Map<Integer, Integer> byYear) {

        static SummaryContent of(String datasetId, ReuseFigures figures) {
            return new SummaryContent(datasetId, figures.citations(), figures.reuses(), figures.distinctCitingWorks(),
                    figures.byYear());
        }

        String hash() {
            return ModelJson.contentHash(this);
        }
    }

    /** Publishes one dataset's summary if it is marked stale and its figures changed; true when published. */
    public boolean publishIfStale(String datasetId) {
        return publishStale(List.of(datasetId)) == 1;
    }

    /** {@link #publishStale(Map)} for datasets whose summaries are all sent in the current trace context. */
    public int publishStale(Collection<String> datasetIds) {
        Map<String, Context> datasets = new LinkedHashMap<>();
        datasetIds.forEach(datasetId -> datasets.put(datasetId, Context.current()));
        return publishStale(datasets);
    }

    /**
     * Publishes the summaries of the given datasets that are marked stale and whose figures changed, each in the
     * trace context it is mapped to, at most {@link #MAX_BATCH} per transaction; returns how many were published.
     * Throws when a batch was not acknowledged: that batch and the ones after it stay stale for the sweep.
     */
    public int publishStale(Map<String, Context> datasets) {
        List<String> ids = new ArrayList<>(new TreeSet<>(datasets.keySet()));
        int count = 0;
        for (int from = 0; from < ids.size(); from += MAX_BATCH) {
            List<String> batch = ids.subList(from, Math.min(ids.size(), from + MAX_BATCH));
            List<SummaryContent> sent = QuarkusTransaction.requiringNew().call(() -> publishBatch(batch, datasets));
            published.increment(sent.size());
            count += sent.size();
            if (sent.size() == 1) {
                LOG.infof("dataset %s: reuse summary published (citations=%d, reuses=%d)", sent.get(0).datasetId(),
                        sent.get(0).citations(), sent.get(0).reuses());
            } else if (!sent.isEmpty()) {
                LOG.infof("%d reuse summaries published (%s … %s)", sent.size(), sent.get(0).datasetId(),
                        sent.get(sent.size() - 1).datasetId());
            }
        }
        return count;
    }

    @Transactional
    public List<String> staleDatasetIds(int limit) {
        return TrackedDataset.listSummaryStaleIds(limit);
    }

    /** One batch in the current transaction; returns the summaries Kafka acknowledged. */
    private List<SummaryContent> publishBatch(List<String> ids, Map<String, Context> contexts) {
        List<TrackedDataset> locked = TrackedDataset.lockSummaryStale(ids);
        if (locked.isEmpty()) {
            return List.of();
        }
        Map<String, List<CitationLink>> links = CitationLink.listForDatasets(
                locked.stream().map(d -> d.datasetId).toList());
        List<SummaryContent> sent = batch.publish(locked, links, contexts);
        // the batch's flags and hashes go to the database in one JDBC batch at commit, not one round trip each
        TrackedDataset.getEntityManager().unwrap(Session.class).setJdbcBatchSize(MAX_BATCH);
        return sent;
    }

    private CompletionStage<Void> send(ReuseSummary summary, Context context) {
        return emitter.sendMessage(KafkaRecord.of(summary.datasetId(), ModelJson.write(summary))
                        .addMetadata(TracingMetadata.withCurrent(context)))
                .subscribeAsCompletionStage();
    }
}
