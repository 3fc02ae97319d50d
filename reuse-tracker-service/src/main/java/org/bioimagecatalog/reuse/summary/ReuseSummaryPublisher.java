package org.bioimagecatalog.reuse.summary;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.Startup;
import io.opentelemetry.context.Context;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.TracingMetadata;
import io.smallrye.reactive.messaging.kafka.KafkaRecord;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.bioimagecatalog.model.ModelJson;
import org.bioimagecatalog.model.events.ReuseSummary;
import org.bioimagecatalog.reuse.ReuseConfig;
import org.bioimagecatalog.reuse.citation.CitationLink;
import org.bioimagecatalog.reuse.dataset.TrackedDataset;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.jboss.logging.Logger;

/**
 * Publishes a dataset's {@link ReuseSummary} on {@code reuse.summary.v1} (key = datasetId) when its figures
 * differ from the last ones published. The dataset row is locked while publishing, so the consumer and the
 * sweep never publish the same change twice; the stale flag is cleared only once Kafka acknowledged. Created at
 * start-up so that its counter is on /q/metrics (at 0) before the first summary. The Kafka connector sends each
 * summary in a span of the caller's trace (the dataset event being processed) with its context in the headers.
 */
@Startup
@ApplicationScoped
public class ReuseSummaryPublisher {
    private static final Logger LOG = Logger.getLogger(ReuseSummaryPublisher.class);

    private final MutinyEmitter<String> emitter;
    private final ReuseConfig config;
    private final Counter published;

    public ReuseSummaryPublisher(@Channel("reuse-summary") MutinyEmitter<String> emitter, ReuseConfig config,
            MeterRegistry meters) {
        this.emitter = emitter;
        this.config = config;
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

    /** Publishes the summary if the dataset is marked stale and its figures changed; true when published. */
    @Transactional
    public boolean publishIfStale(String datasetId) {
        TrackedDataset dataset = TrackedDataset.lockForUpdate(datasetId).orElse(null);
        if (dataset == null || !dataset.summaryStale) {
            return false;
        }
        SummaryContent content = SummaryContent.of(datasetId, ReuseFigures.of(CitationLink.listForDataset(datasetId)));
        String hash = content.hash();
        // a dataset with no summary yet counts as "no citations": no need to announce zero
        String previous = dataset.summaryHash != null ? dataset.summaryHash
                : SummaryContent.of(datasetId, ReuseFigures.of(List.of())).hash();
        boolean changed = !hash.equals(previous);
        if (changed) {
            send(content, hash);
        }
        dataset.summaryHash = hash;
        dataset.summaryStale = false;
        return changed;
    }

    @Transactional
    public List<String> staleDatasetIds(int limit) {
        return TrackedDataset.listSummaryStaleIds(limit);
    }

    private void send(SummaryContent content, String hash) {
        ReuseSummary summary = new ReuseSummary(UUID.randomUUID().toString(), ReuseSummary.SCHEMA_VERSION,
                content.datasetId(), Instant.now(), hash, content.datasetId(), content.citations(), content.reuses(),
                content.distinctCitingWorks(), content.byYear());
        emitter.sendMessage(KafkaRecord.of(content.datasetId(), ModelJson.write(summary))
                        .addMetadata(TracingMetadata.withCurrent(Context.current())))
                .await().atMost(config.publishTimeout());
        published.increment();
        LOG.infof("dataset %s: reuse summary published (citations=%d, reuses=%d)", content.datasetId(),
                content.citations(), content.reuses());
    }
}
