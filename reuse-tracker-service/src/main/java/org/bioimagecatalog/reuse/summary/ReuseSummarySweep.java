package org.bioimagecatalog.reuse.summary;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import org.bioimagecatalog.reuse.ReuseConfig;
import org.jboss.logging.Logger;

/**
 * Publishes summaries left stale because Kafka was unavailable or the service stopped between committing a
 * link change and publishing it, through the same batches as the consumer ({@link ReuseSummaryPublisher#publishStale}).
 * Stops at the first batch that fails: the broker is likely still away.
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
    public void publishStaleSummaries() {
        List<String> stale = publisher.staleDatasetIds(config.summarySweep().batchSize());
        if (stale.isEmpty()) {
            return;
        }
        try {
            publisher.publishStale(stale);
        } catch (RuntimeException e) {
            LOG.warnf("summary sweep stopped with %d stale summaries: %s", stale.size(), e.getMessage());
        }
    }
}
