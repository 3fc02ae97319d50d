package org.bioimagecatalog.harvester.run;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
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

    /** A deletion was acknowledged by the broker; its key keeps the deletion hash so a repeat counts unchanged. */
    @Transactional
    public void recordDeleted(UUID runId, String recordKey, String contentHash) {
        recordPublished(runId, recordKey, contentHash);
        em.createQuery("update HarvestRunEntity r set r.published = r.published - 1, r.deleted = r.deleted + 1"
                + " where r.id = :id").setParameter("id", runId).executeUpdate();
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

    @Transactional
    public void recordRejected(UUID runId, String location, String reason) {
        count(runId, "rejected");
        em.createNativeQuery("insert into {h-schema}harvest_run_error (run_id, position, location, reason)"
                        + " select :run, count(*), :location, :reason from {h-schema}harvest_run_error where run_id = :run"
                        + " having count(*) < " + HarvestRun.MAX_ERRORS)
                .setParameter("run", runId).setParameter("location", location).setParameter("reason", reason)
                .executeUpdate();
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
                r.seen, r.published, r.unchanged, r.rejected, r.pages, r.deleted, r.failureReason, r.resumes, errors);
    }

    /** Microseconds, PostgreSQL's precision, so a cursor built from a read value matches the stored one. */
    private static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MICROS);
    }
}
