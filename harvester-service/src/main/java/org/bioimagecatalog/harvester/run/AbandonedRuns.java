package org.bioimagecatalog.harvester.run;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.bioimagecatalog.harvester.HarvesterConfig;
import org.bioimagecatalog.harvester.run.SourceLocks.SourceLock;
import org.jboss.logging.Logger;

/**
 * Resumes runs whose replica died (killed, crashed, redeployed) from the last entry or page they finished. Shortly
 * after start-up and then every {@code bic.harvester.resume.every}, for each source with a run still marked
 * RUNNING, it tries the source's lock: a live replica holds it for as long as its run goes on, so getting it means
 * nobody is running that run any more. The newest such run is resumed (at most {@code bic.harvester.resume.max-resumes}
 * times; then it is failed), older ones are failed as superseded. A run of this replica that stopped because
 * PostgreSQL went away and could not record it ({@link InterruptedRuns}) is written FAILED with its reason instead:
 * it is resumed on request ({@code POST /api/v1/harvest/runs/{id}/resume}).
 */
@ApplicationScoped
public class AbandonedRuns {
    private static final Logger LOG = Logger.getLogger(AbandonedRuns.class);

    @Inject
    HarvesterConfig config;

    @Inject
    HarvestSources sources;

    @Inject
    SourceLocks locks;

    @Inject
    HarvestRunStore store;

    @Inject
    HarvestExecutor executor;

    @Inject
    InterruptedRuns interrupted;

    @Scheduled(identity = "resume-abandoned-runs", every = "${bic.harvester.resume.every:1m}",
            delayed = "${bic.harvester.resume.initial-delay:5s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void resumeAbandonedRuns() {
        for (HarvestSource source : sources.all()) {
            Optional<SourceLock> lock;
            try {
                if (store.running(source.name()).isEmpty()) {
                    continue;
                }
                lock = locks.tryAcquire(source.name());
            } catch (RuntimeException e) {
                // PostgreSQL unreachable (or the service shutting down): the next look will tell
                LOG.warnf("looking for abandoned runs of source %s failed: %s", source.name(), e.getMessage());
                return;
            }
            if (lock.isEmpty()) {
                continue; // its run is alive somewhere
            }
            try {
                resume(source, lock.get());
            } catch (RuntimeException e) {
                lock.get().close();
                LOG.errorf(e, "source %s: resuming an abandoned run failed", source.name());
            }
        }
    }

    private void resume(HarvestSource source, SourceLock lock) {
        // read again under the lock: the run may have finished between the first look and the lock
        List<HarvestRun> running = store.running(source.name());
        if (running.isEmpty()) {
            lock.close();
            return;
        }
        HarvestRun newest = running.get(0);
        UUID newestId = UUID.fromString(newest.id());
        if (executor.isActive(newestId)) {
            // ours, alive: it lost PostgreSQL (and with it the lock's session) and is waiting to record that
            lock.close();
            return;
        }
        Optional<String> lostDatabase = interrupted.reason(newestId);
        if (lostDatabase.isPresent()) {
            store.finish(newestId, RunStatus.FAILED, lostDatabase.get());
            interrupted.remove(newestId);
            LOG.warnf("source %s: run %s FAILED: %s", source.name(), newest.id(), lostDatabase.get());
            lock.close();
            return;
        }
        for (HarvestRun older : running.subList(1, running.size())) {
            store.finish(UUID.fromString(older.id()), RunStatus.FAILED,
                    "abandoned: the replica running it stopped; superseded by run " + newest.id());
        }
        if (newest.resumes() >= config.resume().maxResumes()) {
            store.finish(UUID.fromString(newest.id()), RunStatus.FAILED, "abandoned: the replica running it stopped"
                    + " and it was already resumed " + newest.resumes() + " times");
            lock.close();
            return;
        }
        HarvestRun resumed = store.markResumed(UUID.fromString(newest.id()));
        LOG.warnf("source %s: run %s was left RUNNING by a replica that stopped; resuming it (resume %d)",
                source.name(), resumed.id(), resumed.resumes());
        executor.resume(resumed, source, lock);
    }
}
