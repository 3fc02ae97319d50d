package org.bioimagecatalog.reuse.summary;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import org.bioimagecatalog.reuse.ReuseConfig;
import org.jboss.logging.Logger;

/**
 * Publishes summaries left stale because Kafka was unavailable or the service stopped between committing a
 * link change and publishing it. Stops at the first failure: the broker is likely still away.
 */
@ApplicationScoped
public class ReuseSummarySweep {
    private static final Logger LOG = Logger.getLogger(ReuseSummarySweep.class);

    private final ReuseSummaryPublisher publisher;
    private final ReuseConfig config;

    public ReuseSummarySweep(ReuseSummaryPublisher publisher, ReuseConfig config) {
        this.publisher = publisher;
        this.config = config;
    }

    @Scheduled(identity = "reuse-summary-sweep", every = "${bic.reuse.summary-sweep.every}",
            delayed = "${bic.reuse.summary-sweep.every}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void publishStaleSummaries() {
        for (String datasetId : publisher.staleDatasetIds(config.summarySweep().batchSize())) {
            try {
                publisher.publishIfStale(datasetId);
            } catch (RuntimeException e) {
                LOG.warnf("summary sweep stopped at dataset %s: %s", datasetId, e.getMessage());
                return;
            }
        }
    }
}
