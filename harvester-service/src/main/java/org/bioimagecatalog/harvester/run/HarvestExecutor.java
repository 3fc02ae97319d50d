package org.bioimagecatalog.harvester.run;

import io.opentelemetry.context.Context;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.bioimagecatalog.harvester.HarvesterConfig;
import org.bioimagecatalog.harvester.http.CircuitBreaker;
import org.bioimagecatalog.harvester.http.RunCircuit;
import org.bioimagecatalog.harvester.publish.HarvestMetrics;
import org.bioimagecatalog.harvester.publish.PublishFailedException;
import org.bioimagecatalog.harvester.publish.RecordPublisher;
import org.bioimagecatalog.harvester.run.SourceLocks.SourceLock;
import org.bioimagecatalog.model.ModelJson;
import org.bioimagecatalog.model.api.EngineUnavailable;
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
    SourceCheckpoints checkpoints;

    @Inject
    VanishedRecords vanished;

    @Inject
    SourceCircuitBreakers breakers;

    @Inject
    InterruptedRuns interrupted;

    @Inject
    HarvestTracing tracing;

    private final int withdrawAfterMissingRuns;
    private final Duration databaseWait;
    /** Runs executing in this replica: the look for abandoned runs must not take them for dead ones. */
    private final Set<UUID> active = ConcurrentHashMap.newKeySet();

    /** The content hash of a deletion (the hash of JSON {@code null}): a repeated deletion counts as unchanged. */
    public static final String DELETED_HASH = ModelJson.contentHash(null);

    @Inject
    public HarvestExecutor(HarvesterConfig config) {
        this.withdrawAfterMissingRuns = config.withdrawAfterMissingRuns();
        this.databaseWait = config.resume().databaseWait();
        AtomicInteger threads = new AtomicInteger();
        this.pool = Executors.newFixedThreadPool(config.parallelRuns(), task -> {
            Thread thread = new Thread(task, "harvest-run-" + threads.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
    }

    /** Runs in the background; the lock is released when the run ends, however it ends. */
    public void submit(HarvestRun run, HarvestSource source, SourceLock lock) {
        submit(run, source, lock, false);
    }

    /**
     * Continues a run a dead replica left RUNNING, from the last entry or page it finished (its counters and
     * stored hashes are kept); the caller holds the source's lock.
     */
    public void resume(HarvestRun run, HarvestSource source, SourceLock lock) {
        submit(run, source, lock, true);
    }

    private void submit(HarvestRun run, HarvestSource source, SourceLock lock, boolean resuming) {
        UUID runId = UUID.fromString(run.id());
        active.add(runId);
        Context startedBy = Context.current();
        pool.execute(() -> {
            try (lock; RunCircuit.Binding circuit = RunCircuit.bind(breakers.of(source.name()));
                    HarvestTracing.RunSpan span = tracing.startRun(run, source, resuming, startedBy)) {
                execute(run, source, resuming);
            } finally {
                active.remove(runId);
            }
        });
    }

    /** True while this replica executes the run (it may be waiting for PostgreSQL to come back). */
    public boolean isActive(UUID runId) {
        return active.contains(runId);
    }

    void execute(HarvestRun run, HarvestSource source, boolean resuming) {
        UUID runId = UUID.fromString(run.id());
        LOG.infof("run %s source %s: %s, location %s%s", run.id(), source.name(), resuming ? "resumed" : "started",
                run.location(), run.force() ? " (forced)" : "");
        Optional<HarvestRunStore.ResumeState> resumeFrom = resuming ? Optional.of(store.resumeState(runId)) : Optional.empty();
        if (source.connector() instanceof PagedSourceConnector paged) {
            executePaged(run, runId, source, paged, resumeFrom);
            return;
        }
        // a resumed run keeps the rejections of its first life: they decide PARTIAL and block withdrawals as well
        int rejected = resuming ? run.rejected() : 0;
        try {
            SourceListing listing = tracing.traced(source.connector().open(run.location()), source);
            LOG.infof("run %s source %s: %d entries found", run.id(), source.name(), listing.entries().size());
            store.saveTotal(runId, listing.entries().size());
            CircuitBreaker breaker = breakers.of(source.name());
            List<String> entries = remaining(run, listing.entries(), resumeFrom.map(HarvestRunStore.ResumeState::position));
            int read = listing.entries().size() - entries.size();
            for (String entry : entries) {
                read++;
                try {
                    harvest(run, runId, source, listing.read(entry));
                } catch (RecordRejectedException e) {
                    rejected++;
                    reject(run, runId, source, e);
                    if (breaker.isOpen()) {
                        // this failure opened the source's breaker: stop instead of failing every remaining record
                        finish(runId, source, RunStatus.PARTIAL, "stopped early, " + (listing.entries().size() - read)
                                + " of " + listing.entries().size() + " entries not read: " + breaker.describe());
                        return;
                    }
                }
                store.savePosition(runId, entry, null);
            }
            if (rejected == 0) {
                withdrawVanished(run, runId, source);
            }
            finish(runId, source, rejected > 0 ? RunStatus.PARTIAL : RunStatus.SUCCEEDED, null);
        } catch (LocationUnreadableException e) {
            finish(runId, source, RunStatus.FAILED, "the location cannot be read: " + e.getMessage());
        } catch (PublishFailedException e) {
            finish(runId, source, RunStatus.FAILED, e.getMessage());
        } catch (RuntimeException e) {
            stopped(run, runId, source, e);
        }
    }

    /**
     * A run stopped by an exception no connector raised. PostgreSQL going away is not a bug: the end of the run
     * (FAILED, with the reason) is written once the database answers again, and the run stays resumable from the
     * last entry or page it finished. Anything else is recorded at once, with the trace in the log (a background
     * run has no caller to throw to).
     */
    private void stopped(HarvestRun run, UUID runId, HarvestSource source, RuntimeException e) {
        if (EngineUnavailable.isDatabase(e)) {
            databaseLost(run, runId, source, e);
            return;
        }
        LOG.errorf(e, "run %s source %s: stopped by an unexpected error", run.id(), source.name());
        finish(runId, source, RunStatus.FAILED, "unexpected error: " + e);
    }

    private void databaseLost(HarvestRun run, UUID runId, HarvestSource source, RuntimeException e) {
        String reason = "PostgreSQL became unreachable during the run (" + rootMessage(e) + "); it can be resumed"
                + " from its last finished " + (source.connector() instanceof PagedSourceConnector ? "page" : "entry")
                + ": POST /api/v1/harvest/runs/" + run.id() + "/resume";
        LOG.warnf("run %s source %s: stopped, PostgreSQL is unreachable (%s); waiting up to %s to record that",
                run.id(), source.name(), rootMessage(e), databaseWait);
        long deadline = System.nanoTime() + databaseWait.toNanos();
        while (true) {
            try {
                if (store.finishIfStillOurs(runId, run.resumes(), RunStatus.FAILED, reason)) {
                    metrics.runFinished(source.name(), RunStatus.FAILED);
                    LOG.infof("run %s source %s: FAILED, %s", run.id(), source.name(), reason);
                } else {
                    LOG.infof("run %s source %s: taken over meanwhile (resumed or finished elsewhere)", run.id(),
                            source.name());
                }
                return;
            } catch (RuntimeException again) {
                if (!EngineUnavailable.isDatabase(again) || System.nanoTime() > deadline || !pause()) {
                    // the next look for abandoned runs writes it, with the same reason
                    interrupted.add(runId, reason);
                    LOG.warnf("run %s source %s: PostgreSQL still unreachable; the next look for abandoned runs"
                            + " records the failure", run.id(), source.name());
                    return;
                }
            }
        }
    }

    /** Two seconds between tries to reach PostgreSQL again; false when the service is stopping. */
    private static boolean pause() {
        try {
            Thread.sleep(2000);
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** The driver's words (SQLSTATE and message of the first SQLException), else the innermost message. */
    private static String rootMessage(Throwable e) {
        Throwable root = e;
        for (Throwable cause = e; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof java.sql.SQLException sql) {
                return "SQLSTATE " + sql.getSQLState() + ": " + sql.getMessage();
            }
            root = cause;
        }
        return root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
    }

    /**
     * A paged source: page after page until the source says the listing is complete. The checkpoint is moved
     * only when the run did not fail, so a failed run's changes are asked for again next time.
     */
    private void executePaged(HarvestRun run, UUID runId, HarvestSource source, PagedSourceConnector connector,
            Optional<HarvestRunStore.ResumeState> resumeFrom) {
        // a resumed run keeps the rejections of its first life: they decide PARTIAL and block withdrawals as well
        int rejected = resumeFrom.isPresent() ? run.rejected() : 0;
        try {
            Optional<String> since = resumeFrom.map(HarvestRunStore.ResumeState::since)
                    .orElseGet(() -> run.force() ? Optional.empty() : checkpoints.find(source.name(), run.location()));
            store.saveSince(runId, since);
            LOG.infof("run %s source %s: %s", run.id(), source.name(),
                    since.map(s -> "changes since " + s).orElse("full harvest"));
            PageReader pages = tracing.traced(connector.openPages(run.location(), since), source);
            Optional<String> position = resumeFrom.map(HarvestRunStore.ResumeState::position);
            if (position.isPresent()) {
                if (pages.resume(position.get(), resumeFrom.get().checkpoint())) {
                    LOG.infof("run %s source %s: continuing after the last finished page", run.id(), source.name());
                } else {
                    LOG.warnf("run %s source %s: the %s connector cannot resume, reading from the first page", run.id(),
                            source.name(), source.type());
                }
            }
            int pagesRead = 0;
            // pages harvested before this one, in earlier lives of a resumed run too
            for (List<PageEntry> page; (page = nextPage(run, runId, source, pages, run.pages() + pagesRead)) != null; ) {
                store.countPage(runId);
                pages.total().ifPresent(total -> store.saveTotal(runId, total));
                rejected += harvestPage(run, runId, source, page);
                pagesRead++;
                Optional<String> after = pages.position();
                if (after.isPresent()) {
                    store.savePosition(runId, after.get(), pages.checkpoint().orElse(null));
                }
            }
            pages.checkpoint().ifPresent(c -> checkpoints.save(source.name(), run.location(), c, runId));
            if (since.isEmpty() && rejected == 0) {
                withdrawVanished(run, runId, source);
            }
            finish(runId, source, rejected > 0 ? RunStatus.PARTIAL : RunStatus.SUCCEEDED, null);
        } catch (LocationUnreadableException e) {
            finish(runId, source, RunStatus.FAILED, "the location cannot be read: " + e.getMessage());
        } catch (UnreadablePageException e) {
            finish(runId, source, e.afterPages > 0 ? RunStatus.PARTIAL : RunStatus.FAILED, e.getMessage());
        } catch (PublishFailedException e) {
            finish(runId, source, RunStatus.FAILED, e.getMessage());
        } catch (RuntimeException e) {
            stopped(run, runId, source, e);
        }
    }

    /**
     * One page: records whose hash equals the last published one are only counted; the others (and deletions) are
     * published together, and only once Kafka acknowledged all of them are their hashes stored and counted, in one
     * transaction. Rejections go to the dead-letter topic one by one. Returns how many entries were rejected.
     */
    private int harvestPage(HarvestRun run, UUID runId, HarvestSource source, List<PageEntry> page) {
        List<HarvestedRecord> toPublish = new ArrayList<>();
        List<VanishedRecords.Listed> listed = new ArrayList<>();
        List<PageEntry.Deleted> deletions = new ArrayList<>();
        int rejected = 0;
        for (PageEntry entry : page) {
            if (entry instanceof PageEntry.Harvested h) {
                try {
                    HarvestedRecord record = mapped(run, source, h.item());
                    toPublish.add(record);
                    listed.add(new VanishedRecords.Listed(record.key(), record.source(), record.nativeId(),
                            record.sourceUrl()));
                } catch (RecordRejectedException e) {
                    rejected++;
                    reject(run, runId, source, e);
                }
            } else if (entry instanceof PageEntry.Deleted d) {
                deletions.add(d);
            } else if (entry instanceof PageEntry.Rejected r) {
                rejected++;
                reject(run, runId, source, r.reason());
            }
        }
        vanished.seenAll(source.name(), run.location(), runId, listed);
        for (PageEntry.Deleted d : deletions) {
            String key = HarvestedRecord.key(source.archive(), d.nativeId());
            vanished.forget(source.name(), run.location(), key);
            toPublish.add(new HarvestedRecord(UUID.randomUUID().toString(), HarvestedRecord.SCHEMA_VERSION, key,
                    Instant.now(), DELETED_HASH, run.id(), source.archive(), d.nativeId(), d.sourceUrl(), true, null));
        }
        Map<String, String> last = run.force() ? Map.of()
                : store.lastHashes(toPublish.stream().map(HarvestedRecord::key).collect(Collectors.toSet()));
        List<HarvestedRecord> changed = toPublish.stream()
                .filter(r -> !r.contentHash().equals(last.get(r.key()))).toList();
        int unchanged = toPublish.size() - changed.size();
        store.countUnchanged(runId, unchanged);
        metrics.unchanged(source.name(), unchanged);
        publisher.publishAll(changed);
        store.recordAcknowledged(runId, changed.stream()
                .map(r -> new HarvestRunStore.Acknowledged(r.key(), r.contentHash(), r.deleted())).toList());
        metrics.published(source.name(), changed.size());
        LOG.debugf("run %s source %s: page of %d entries, %d published, %d unchanged, %d rejected", run.id(),
                source.name(), page.size(), changed.size(), unchanged, rejected);
        return rejected;
    }

    private static String archiveOf(HarvestSource source, HarvestedItem item) {
        return item.archive() != null ? item.archive() : source.archive();
    }

    /** The event for a harvested item; one too large for Kafka is rejected instead (it would stop the run). */
    private HarvestedRecord mapped(HarvestRun run, HarvestSource source, HarvestedItem item)
            throws RecordRejectedException {
        HarvestedRecord record = HarvestedRecord.of(run.id(), archiveOf(source, item), item.nativeId(),
                item.sourceUrl(), item.metadata());
        int bytes = RecordPublisher.size(record);
        if (bytes > RecordPublisher.MAX_RECORD_BYTES) {
            throw new RecordRejectedException(item.sourceUrl(), record.key() + ": the mapped record is " + bytes
                    + " bytes of JSON, more than the " + RecordPublisher.MAX_RECORD_BYTES + " a record may have",
                    ModelJson.write(item.metadata()));
        }
        return record;
    }

    /**
     * The entries still to read: all of them, or for a resumed run those after the last one it finished. A listing
     * that no longer holds that entry is read from the start (records already published then count as unchanged).
     */
    private static List<String> remaining(HarvestRun run, List<String> entries, Optional<String> lastFinished) {
        if (lastFinished.isEmpty()) {
            return entries;
        }
        int at = entries.indexOf(lastFinished.get());
        if (at < 0) {
            LOG.warnf("run %s: the last finished entry %s is no longer listed, reading from the start", run.id(),
                    lastFinished.get());
            return entries;
        }
        LOG.infof("run %s: continuing after %s, %d of %d entries left", run.id(), lastFinished.get(),
                entries.size() - at - 1, entries.size());
        return entries.subList(at + 1, entries.size());
    }

    /**
     * A page that cannot be read goes to the dead-letter topic and ends the run: the pages after it are unreachable.
     * A page that cannot be fetched (after the client's retries) ends it too; once pages were harvested that is a
     * PARTIAL run (what it published stays published), before the first one the location could not be read at all.
     */
    private List<PageEntry> nextPage(HarvestRun run, UUID runId, HarvestSource source, PageReader pages, int pagesRead)
            throws LocationUnreadableException, UnreadablePageException {
        try {
            return pages.next();
        } catch (RecordRejectedException e) {
            reject(run, runId, source, e);
            throw new UnreadablePageException("a page cannot be read, the pages after it cannot be reached: "
                    + e.reason(), 0);
        } catch (LocationUnreadableException e) {
            if (pagesRead == 0) {
                throw e;
            }
            throw new UnreadablePageException("stopped early after " + pagesRead + " page(s): the next page cannot be"
                    + " fetched: " + e.getMessage() + "; it can be resumed from there: POST /api/v1/harvest/runs/"
                    + run.id() + "/resume", pagesRead);
        }
    }

    /**
     * After a complete listing without rejections (a rejected record's key is unknown, so it would look vanished):
     * records this source listed at this location before but not now count one more miss, and those missed by
     * {@code withdrawAfterMissingRuns} consecutive full runs are withdrawn with a deletion, as if the source had
     * reported it. Counted in {@code deleted}.
     */
    private void withdrawVanished(HarvestRun run, UUID runId, HarvestSource source) {
        for (VanishedRecords.Missing missing
                : vanished.countMisses(source.name(), run.location(), runId, withdrawAfterMissingRuns)) {
            if (!store.isDeleted(missing.recordKey())) {
                publisher.publish(new HarvestedRecord(UUID.randomUUID().toString(), HarvestedRecord.SCHEMA_VERSION,
                        missing.recordKey(), Instant.now(), DELETED_HASH, run.id(), missing.archive(),
                        missing.nativeId(), missing.sourceUrl(), true, null));
                store.recordWithdrawn(runId, missing.recordKey(), DELETED_HASH);
                metrics.published(source.name());
            }
            vanished.forget(source.name(), run.location(), missing.recordKey());
            LOG.infof("run %s source %s: withdrew %s, missing from %d consecutive full runs", run.id(), source.name(),
                    missing.recordKey(), missing.missingRuns());
        }
    }

    /** Thrown out of the page loop once an unreadable page has been sent to the dead-letter topic. */
    private static final class UnreadablePageException extends Exception {
        final int afterPages;

        UnreadablePageException(String message, int afterPages) {
            super(message);
            this.afterPages = afterPages;
        }
    }

    /** One record of a listed source: counted if unchanged, else published and awaited. */
    private void harvest(HarvestRun run, UUID runId, HarvestSource source, HarvestedItem item)
            throws RecordRejectedException {
        String archive = archiveOf(source, item);
        String key = HarvestedRecord.key(archive, item.nativeId());
        String hash = ModelJson.contentHash(item.metadata());
        vanished.seen(source.name(), run.location(), runId, key, archive, item.nativeId(), item.sourceUrl());
        if (!run.force() && store.countIfUnchanged(runId, key, hash)) {
            metrics.unchanged(source.name());
            LOG.debugf("run %s source %s: %s unchanged", run.id(), source.name(), key);
            return;
        }
        HarvestedRecord record = mapped(run, source, item);
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
