package org.bioimagecatalog.harvester.run;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.bioimagecatalog.harvester.HarvesterConfig;
import org.bioimagecatalog.harvester.publish.HarvestMetrics;
import org.bioimagecatalog.harvester.publish.PublishFailedException;
import org.bioimagecatalog.harvester.publish.RecordPublisher;
import org.bioimagecatalog.harvester.run.SourceLocks.SourceLock;
import org.bioimagecatalog.model.ModelJson;
import org.bioimagecatalog.model.events.HarvestRejected;
import org.bioimagecatalog.model.events.HarvestedRecord;
import org.jboss.logging.Logger;

/**
 * Executes runs in the background: lists the location, then reads, maps and publishes record by record. A
 * record whose content hash equals the last published one is only counted (unless the run is forced); a record
 * that cannot be used goes to the dead-letter topic and the run goes on; a location that cannot be read, or a
 * broker that stops acknowledging, fails the run.
 */
@ApplicationScoped
public class HarvestExecutor {
    private static final Logger LOG = Logger.getLogger(HarvestExecutor.class);

    private final ExecutorService pool;

    @Inject
    HarvestRunStore store;

    @Inject
    RecordPublisher publisher;

    @Inject
    HarvestMetrics metrics;

    @Inject
    public HarvestExecutor(HarvesterConfig config) {
        AtomicInteger threads = new AtomicInteger();
        this.pool = Executors.newFixedThreadPool(config.parallelRuns(), task -> {
            Thread thread = new Thread(task, "harvest-run-" + threads.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
    }

    /** Runs in the background; the lock is released when the run ends, however it ends. */
    public void submit(HarvestRun run, HarvestSource source, SourceLock lock) {
        pool.execute(() -> {
            try (lock) {
                execute(run, source);
            }
        });
    }

    void execute(HarvestRun run, HarvestSource source) {
        UUID runId = UUID.fromString(run.id());
        LOG.infof("run %s source %s: started, location %s%s", run.id(), source.name(), run.location(),
                run.force() ? " (forced)" : "");
        int rejected = 0;
        try {
            SourceListing listing = source.connector().open(run.location());
            LOG.infof("run %s source %s: %d entries found", run.id(), source.name(), listing.entries().size());
            for (String entry : listing.entries()) {
                try {
                    harvest(run, runId, source, listing.read(entry));
                } catch (RecordRejectedException e) {
                    rejected++;
                    reject(run, runId, source, e);
                }
            }
            finish(runId, source, rejected > 0 ? RunStatus.PARTIAL : RunStatus.SUCCEEDED, null);
        } catch (LocationUnreadableException e) {
            finish(runId, source, RunStatus.FAILED, "the location cannot be read: " + e.getMessage());
        } catch (PublishFailedException e) {
            finish(runId, source, RunStatus.FAILED, e.getMessage());
        } catch (RuntimeException e) {
            // a background run has no caller to throw to: record why it stopped, with the trace in the log
            LOG.errorf(e, "run %s source %s: stopped by an unexpected error", run.id(), source.name());
            finish(runId, source, RunStatus.FAILED, "unexpected error: " + e);
        }
    }

    private void harvest(HarvestRun run, UUID runId, HarvestSource source, HarvestedItem item) {
        String archive = item.archive() != null ? item.archive() : source.archive();
        String key = HarvestedRecord.key(archive, item.nativeId());
        String hash = ModelJson.contentHash(item.metadata());
        if (!run.force() && store.countIfUnchanged(runId, key, hash)) {
            metrics.unchanged(source.name());
            LOG.debugf("run %s source %s: %s unchanged", run.id(), source.name(), key);
            return;
        }
        HarvestedRecord record = HarvestedRecord.of(run.id(), archive, item.nativeId(), item.sourceUrl(), item.metadata());
        publisher.publish(record);
        store.recordPublished(runId, key, record.contentHash());
        metrics.published(source.name());
        LOG.debugf("run %s source %s: published %s", run.id(), source.name(), key);
    }

    private void reject(HarvestRun run, UUID runId, HarvestSource source, RecordRejectedException e) {
        publisher.reject(HarvestRejected.of(run.id(), source.archive(), e.location(), e.reason(),
                e.payloadExcerpt()));
        store.recordRejected(runId, e.location(), e.reason());
        metrics.rejected(source.name());
        LOG.warnf("run %s source %s: rejected %s: %s", run.id(), source.name(), e.location(), e.reason());
    }

    private void finish(UUID runId, HarvestSource source, RunStatus status, String failureReason) {
        HarvestRun finished = store.finish(runId, status, failureReason);
        metrics.runFinished(source.name(), status);
        LOG.infof("run %s source %s: %s, seen %d, published %d, unchanged %d, rejected %d%s", runId, source.name(),
                status, finished.seen(), finished.published(), finished.unchanged(), finished.rejected(),
                failureReason == null ? "" : ", " + failureReason);
    }

    @PreDestroy
    void shutdown() {
        pool.shutdownNow();
        try {
            if (!pool.awaitTermination(10, TimeUnit.SECONDS)) {
                LOG.warn("harvest runs still busy at shutdown; they will be marked abandoned by the next run");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
