package org.bioimagecatalog.harvester.run;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.bioimagecatalog.harvester.run.SourceLocks.SourceLock;
import org.jboss.logging.Logger;

/** Starts runs (one per source at a time, across replicas) and answers questions about them. */
@ApplicationScoped
public class HarvestRunService {
    private static final Logger LOG = Logger.getLogger(HarvestRunService.class);
    public static final int MAX_PAGE = 100;

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

    @Inject
    HarvestLocationPolicy locationPolicy;

    /** A page of runs, newest first, and the cursor of the next page if there is one. */
    public record RunPage(List<HarvestRun> items, String next) {}

    /**
     * Starts a run and returns it RUNNING. The source lock is taken here, in the caller's thread, so that a
     * second request for the same source is refused at once (409) rather than queued.
     */
    public HarvestRun start(String sourceName, String requestedLocation, boolean force) {
        if (sourceName == null || sourceName.isBlank()) {
            throw new InvalidRequestException("'source' is required, e.g. {\"source\":\"idr\"}");
        }
        HarvestSource source = sources.require(sourceName);
        String location = Optional.ofNullable(requestedLocation).map(String::strip).filter(l -> !l.isEmpty())
                .or(source::location)
                .orElseThrow(() -> new InvalidLocationException("no 'location' given and source '" + source.name()
                        + "' has none configured (bic.harvester.sources." + source.name() + ".location)"));
        locationPolicy.check(source.name(), source.location(), location);
        source.connector().checkLocation(location);
        SourceLock lock = locks.tryAcquire(source.name())
                .orElseThrow(() -> new RunInProgressException(source.name(), store.runningRunId(source.name()).orElse(null)));
        try {
            Optional<HarvestRun> stillOurs = store.running(source.name()).stream()
                    .filter(r -> executor.isActive(UUID.fromString(r.id()))).findFirst();
            if (stillOurs.isPresent()) {
                // it lost PostgreSQL (and with it the lock's session) and is about to record that: not abandoned
                throw new RunInProgressException(source.name(), stillOurs.get().id());
            }
            for (HarvestRun stopped : store.running(source.name())) {
                // stopped here by a PostgreSQL outage and not yet recorded: its own reason, not "abandoned"
                UUID stoppedId = UUID.fromString(stopped.id());
                interrupted.reason(stoppedId).ifPresent(reason -> store.finish(stoppedId, RunStatus.FAILED, reason));
                interrupted.remove(stoppedId);
            }
            int abandoned = store.failAbandonedRuns(source.name());
            if (abandoned > 0) {
                LOG.warnf("source %s: %d run(s) left RUNNING by a stopped replica marked FAILED", source.name(), abandoned);
            }
            HarvestRun run = store.create(source.name(), location, force);
            executor.submit(run, source, lock);
            return run;
        } catch (RuntimeException e) {
            lock.close();
            throw e;
        }
    }

    /**
     * Continues a run that stopped before the end — FAILED (PostgreSQL or Kafka went away, a page could not be
     * fetched) or PARTIAL stopped early — from the last entry or page it finished, as crash resume does: same id,
     * counters and stored hashes kept, {@code resumes} + 1. Only the newest run of its source, and only while no
     * other run of that source goes on.
     */
    public HarvestRun resume(String id) {
        HarvestRun run = get(id);
        if (!resumable(run)) {
            throw new RunNotResumableException("run " + id + " is " + run.status()
                    + (run.status() == RunStatus.RUNNING ? "" : " and finished its listing")
                    + "; only a FAILED run, or a PARTIAL one that stopped early, can be resumed");
        }
        HarvestSource source = sources.require(run.source());
        SourceLock lock = locks.tryAcquire(source.name())
                .orElseThrow(() -> new RunInProgressException(source.name(), store.runningRunId(source.name()).orElse(null)));
        try {
            HarvestRun newest = store.lastRun(source.name()).orElseThrow();
            if (!newest.id().equals(run.id())) {
                throw new RunNotResumableException("run " + id + " was superseded by run " + newest.id()
                        + " of source '" + source.name() + "'; start a new run instead");
            }
            HarvestRun reopened = store.reopen(UUID.fromString(run.id()));
            LOG.infof("source %s: run %s resumed on request (resume %d)", source.name(), run.id(), reopened.resumes());
            executor.resume(reopened, source, lock);
            return reopened;
        } catch (RuntimeException e) {
            lock.close();
            throw e;
        }
    }

    private static boolean resumable(HarvestRun run) {
        return run.status() == RunStatus.FAILED || run.status() == RunStatus.PARTIAL && run.failureReason() != null;
    }

    public HarvestRun get(String id) {
        return parseId(id).flatMap(store::find).orElseThrow(() -> new RunNotFoundException(id));
    }

    public RunPage list(int limit, String cursor) {
        if (limit < 1 || limit > MAX_PAGE) {
            throw new InvalidRequestException("'limit' must be between 1 and " + MAX_PAGE + ", not " + limit);
        }
        RunCursor after = cursor == null || cursor.isBlank() ? null : RunCursor.decode(cursor.strip());
        List<HarvestRun> page = store.list(limit + 1, after);
        if (page.size() <= limit) {
            return new RunPage(page, null);
        }
        HarvestRun last = page.get(limit - 1);
        return new RunPage(page.subList(0, limit),
                new RunCursor(last.startedAt(), UUID.fromString(last.id())).encode());
    }

    public Optional<HarvestRun> lastRun(String source) {
        return store.lastRun(source);
    }

    private static Optional<UUID> parseId(String id) {
        try {
            return Optional.of(UUID.fromString(id));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
