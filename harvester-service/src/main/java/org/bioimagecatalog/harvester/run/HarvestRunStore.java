package org.bioimagecatalog.harvester.run;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Runs and published-record hashes in PostgreSQL. Every method is its own short transaction, so progress is
 * visible while a run goes on and a crash loses at most the record in flight.
 */
@ApplicationScoped
public class HarvestRunStore {

    @Inject
    EntityManager em;

    @Transactional
    public HarvestRun create(String source, String location, boolean force) {
        HarvestRunEntity run = new HarvestRunEntity();
        run.id = UUID.randomUUID();
        run.source = source;
        run.location = location;
        run.force = force;
        run.status = RunStatus.RUNNING;
        run.startedAt = now();
        run.persist();
        return view(run, List.of());
    }

    @Transactional
    public Optional<HarvestRun> find(UUID id) {
        return Optional.ofNullable(em.find(HarvestRunEntity.class, id)).map(run -> view(run, errors(id)));
    }

    /** Newest first, without their errors; {@code after} continues from a previous page. */
    @Transactional
    public List<HarvestRun> list(int limit, RunCursor after) {
        var query = after == null
                ? em.createQuery("from HarvestRunEntity r order by r.startedAt desc, r.id desc", HarvestRunEntity.class)
                : em.createQuery("from HarvestRunEntity r where r.startedAt < :t or (r.startedAt = :t and r.id < :id)"
                        + " order by r.startedAt desc, r.id desc", HarvestRunEntity.class)
                        .setParameter("t", after.startedAt()).setParameter("id", after.id());
        return query.setMaxResults(limit).getResultList().stream().map(r -> view(r, null)).toList();
    }

    @Transactional
    public Optional<HarvestRun> lastRun(String source) {
        return em.createQuery("from HarvestRunEntity r where r.source = :source order by r.startedAt desc, r.id desc",
                        HarvestRunEntity.class)
                .setParameter("source", source).setMaxResults(1).getResultStream().findFirst()
                .map(r -> view(r, null));
    }

    @Transactional
    public Optional<String> runningRunId(String source) {
        return em.createQuery("select r.id from HarvestRunEntity r where r.source = :source and r.status = :status"
                        + " order by r.startedAt desc", UUID.class)
                .setParameter("source", source).setParameter("status", RunStatus.RUNNING)
                .setMaxResults(1).getResultStream().findFirst().map(UUID::toString);
    }

    /**
     * Marks as FAILED the RUNNING runs of a source whose lock we now hold: the replica that ran them stopped
     * (crash, redeploy) without finishing, otherwise its lock would still be held.
     */
    @Transactional
    public int failAbandonedRuns(String source) {
        return em.createQuery("update HarvestRunEntity r set r.status = :failed, r.finishedAt = :now,"
                        + " r.failureReason = :reason where r.source = :source and r.status = :running")
                .setParameter("failed", RunStatus.FAILED).setParameter("now", now())
                .setParameter("reason", "abandoned: the replica running it stopped before it finished")
                .setParameter("source", source).setParameter("running", RunStatus.RUNNING)
                .executeUpdate();
    }

    /** Where a run stands, as stored while it went on. */
    public record ResumeState(String position, String checkpoint, Optional<String> since) {}

    @Transactional
    public ResumeState resumeState(UUID runId) {
        HarvestRunEntity run = em.find(HarvestRunEntity.class, runId);
        return new ResumeState(run.resumePosition, run.resumeCheckpoint, Optional.ofNullable(run.since));
    }

    @Transactional
    public void saveSince(UUID runId, Optional<String> since) {
        em.find(HarvestRunEntity.class, runId).since = since.orElse(null);
    }

    /** Called once an entry or a page is finished: a resumed run continues after it. */
    @Transactional
    public void savePosition(UUID runId, String position, String checkpoint) {
        HarvestRunEntity run = em.find(HarvestRunEntity.class, runId);
        run.resumePosition = position;
        run.resumeCheckpoint = checkpoint;
    }

    /** The runs of a source still marked RUNNING, newest first. */
    @Transactional
    public List<HarvestRun> running(String source) {
        return em.createQuery("from HarvestRunEntity r where r.source = :source and r.status = :status"
                        + " order by r.startedAt desc, r.id desc", HarvestRunEntity.class)
                .setParameter("source", source).setParameter("status", RunStatus.RUNNING)
                .getResultStream().map(r -> view(r, null)).toList();
    }

    @Transactional
    public HarvestRun markResumed(UUID runId) {
        HarvestRunEntity run = em.find(HarvestRunEntity.class, runId);
        run.resumes++;
        return view(run, null);
    }

    /**
     * When the record's hash equals the one last published for its key, counts it as unchanged and answers true;
     * one transaction for the check and the count, as most records of a re-harvest take this path.
     */
    @Transactional
    public boolean countIfUnchanged(UUID runId, String recordKey, String contentHash) {
        PublishedRecordEntity last = em.find(PublishedRecordEntity.class, recordKey);
        if (last == null || !last.contentHash.equals(contentHash)) {
            return false;
        }
        count(runId, "unchanged");
        return true;
    }

    /** Called only after the broker acknowledged the record: the hash then really is what consumers saw. */
    @Transactional
    public void recordPublished(UUID runId, String recordKey, String contentHash) {
        PublishedRecordEntity record = em.find(PublishedRecordEntity.class, recordKey);
        if (record == null) {
            record = new PublishedRecordEntity();
            record.recordKey = recordKey;
            record.contentHash = contentHash;
            record.runId = runId;
            record.publishedAt = now();
            record.persist();
        } else {
            record.contentHash = contentHash;
            record.runId = runId;
            record.publishedAt = now();
        }
        count(runId, "published");
    }

    /** True when the last event published for the key is a deletion. */
    @Transactional
    public boolean isDeleted(String recordKey) {
        PublishedRecordEntity last = em.find(PublishedRecordEntity.class, recordKey);
        return last != null && last.contentHash.equals(HarvestExecutor.DELETED_HASH);
    }

    /** A record that vanished upstream was withdrawn: a deletion, but not a record the run saw. */
    @Transactional
    public void recordWithdrawn(UUID runId, String recordKey, String contentHash) {
        recordPublished(runId, recordKey, contentHash);
        em.createQuery("update HarvestRunEntity r set r.seen = r.seen - 1, r.published = r.published - 1,"
                + " r.deleted = r.deleted + 1 where r.id = :id").setParameter("id", runId).executeUpdate();
    }

    @Transactional
    public void countPage(UUID runId) {
        em.createQuery("update HarvestRunEntity r set r.pages = r.pages + 1 where r.id = :id")
                .setParameter("id", runId).executeUpdate();
    }

    /** The size of the whole listing, as the source reports it: progress and ETA for the API and bin/catalog. */
    @Transactional
    public void saveTotal(UUID runId, long total) {
        em.createQuery("update HarvestRunEntity r set r.total = :total where r.id = :id")
                .setParameter("total", (int) Math.min(total, Integer.MAX_VALUE)).setParameter("id", runId).executeUpdate();
    }

    @Transactional
    public void recordRejected(UUID runId, String location, String reason) {
        count(runId, "rejected");
        em.createNativeQuery("insert into {h-schema}harvest_run_error (run_id, position, location, reason)"
                        + " select :run, count(*), :location, :reason from {h-schema}harvest_run_error where run_id = :run"
                        + " having count(*) < " + HarvestRun.MAX_ERRORS)
                .setParameter("run", runId).setParameter("location", location).setParameter("reason", reason)
                .executeUpdate();
    }

    /** Content hashes last published for these keys (keys never published are absent): one query per page. */
    @Transactional
    public Map<String, String> lastHashes(Collection<String> recordKeys) {
        if (recordKeys.isEmpty()) {
            return Map.of();
        }
        Map<String, String> hashes = new HashMap<>();
        em.createQuery("from PublishedRecordEntity p where p.recordKey in :keys", PublishedRecordEntity.class)
                .setParameter("keys", recordKeys).getResultStream()
                .forEach(p -> hashes.put(p.recordKey, p.contentHash));
        return hashes;
    }

    @Transactional
    public void countUnchanged(UUID runId, int records) {
        if (records > 0) {
            em.createQuery("update HarvestRunEntity r set r.seen = r.seen + :n, r.unchanged = r.unchanged + :n"
                    + " where r.id = :id").setParameter("n", records).setParameter("id", runId).executeUpdate();
        }
    }

    /** A record (or deletion) of a page that the broker acknowledged. */
    public record Acknowledged(String recordKey, String contentHash, boolean deletion) {}

    /**
     * Called only after the broker acknowledged every record of the batch: their hashes and the run's counters in
     * one transaction, so a crash leaves either all of the page's records counted or none (then read again).
     */
    @Transactional
    public void recordAcknowledged(UUID runId, List<Acknowledged> records) {
        if (records.isEmpty()) {
            return;
        }
        Map<String, String> latest = new LinkedHashMap<>();
        records.forEach(r -> latest.put(r.recordKey(), r.contentHash())); // a key twice on a page: the last wins
        Instant now = now();
        Map<String, PublishedRecordEntity> existing = new HashMap<>();
        em.createQuery("from PublishedRecordEntity p where p.recordKey in :keys", PublishedRecordEntity.class)
                .setParameter("keys", latest.keySet()).getResultStream().forEach(p -> existing.put(p.recordKey, p));
        latest.forEach((key, hash) -> {
            PublishedRecordEntity record = existing.get(key);
            boolean isNew = record == null;
            if (isNew) {
                record = new PublishedRecordEntity();
                record.recordKey = key;
            }
            record.contentHash = hash;
            record.runId = runId;
            record.publishedAt = now;
            if (isNew) {
                record.persist();
            }
        });
        long deletions = records.stream().filter(Acknowledged::deletion).count();
        em.createQuery("update HarvestRunEntity r set r.seen = r.seen + :n, r.published = r.published + :p,"
                        + " r.deleted = r.deleted + :d where r.id = :id")
                .setParameter("n", records.size()).setParameter("p", records.size() - (int) deletions)
                .setParameter("d", (int) deletions).setParameter("id", runId).executeUpdate();
    }

    /**
     * Writes the end of a run that lost its database, unless it is no longer the run this replica was running
     * (finished meanwhile, or resumed by another replica: its {@code resumes} moved on). True when written.
     */
    @Transactional
    public boolean finishIfStillOurs(UUID runId, int resumes, RunStatus status, String failureReason) {
        return em.createQuery("update HarvestRunEntity r set r.status = :status, r.finishedAt = :now,"
                        + " r.failureReason = :reason where r.id = :id and r.status = :running and r.resumes = :resumes")
                .setParameter("status", status).setParameter("now", now()).setParameter("reason", failureReason)
                .setParameter("id", runId).setParameter("running", RunStatus.RUNNING).setParameter("resumes", resumes)
                .executeUpdate() == 1;
    }

    /** A stopped run continues (the caller holds the source's lock): RUNNING again, counters kept, resumes + 1. */
    @Transactional
    public HarvestRun reopen(UUID runId) {
        HarvestRunEntity run = em.find(HarvestRunEntity.class, runId);
        run.status = RunStatus.RUNNING;
        run.finishedAt = null;
        run.failureReason = null;
        run.resumes++;
        return view(run, null);
    }

    @Transactional
    public HarvestRun finish(UUID runId, RunStatus status, String failureReason) {
        HarvestRunEntity run = em.find(HarvestRunEntity.class, runId);
        run.status = status;
        run.finishedAt = now();
        run.failureReason = failureReason;
        return view(run, null);
    }

    private void count(UUID runId, String outcome) {
        // outcome is one of our own column names, never user input
        em.createQuery("update HarvestRunEntity r set r.seen = r.seen + 1, r." + outcome + " = r." + outcome + " + 1"
                + " where r.id = :id").setParameter("id", runId).executeUpdate();
    }

    private List<RunError> errors(UUID runId) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("select location, reason from {h-schema}harvest_run_error"
                + " where run_id = :run order by position").setParameter("run", runId).getResultList();
        return rows.stream().map(r -> new RunError((String) r[0], (String) r[1])).toList();
    }

    private static HarvestRun view(HarvestRunEntity r, List<RunError> errors) {
        return new HarvestRun(r.id.toString(), r.source, r.location, r.force, r.status, r.startedAt, r.finishedAt,
                r.seen, r.published, r.unchanged, r.rejected, r.pages, r.deleted, r.total, r.failureReason, r.resumes, errors);
    }

    /** Microseconds, PostgreSQL's precision, so a cursor built from a read value matches the stored one. */
    private static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MICROS);
    }
}
