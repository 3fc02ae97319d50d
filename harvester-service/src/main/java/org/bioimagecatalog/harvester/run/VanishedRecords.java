package org.bioimagecatalog.harvester.run;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.UUID;

/**
 * The record keys each source listed at each location (table {@code source_record}), to notice the ones that
 * vanished upstream. Only complete listings count: a full run that misses a key adds one to its missing count,
 * a run that lists it again resets the count; the caller withdraws a key once it was missed often enough.
 * Scoped by location so that harvesting one file of a source never makes the rest of it look vanished.
 */
@ApplicationScoped
public class VanishedRecords {

    /** A key missed by {@code missingRuns} consecutive full runs, with what a deletion event needs. */
    public record Missing(String recordKey, String archive, String nativeId, String sourceUrl, int missingRuns) {}

    @Inject
    EntityManager em;

    @Transactional
    public void seen(String source, String location, UUID runId, String recordKey, String archive, String nativeId,
            String sourceUrl) {
        em.createNativeQuery("insert into {h-schema}source_record"
                        + " (source, location, record_key, archive, native_id, source_url, last_seen_run, missing_runs)"
                        + " values (:source, :location, :key, :archive, :nativeId, :url, :run, 0)"
                        + " on conflict (source, location, record_key) do update set archive = excluded.archive,"
                        + " native_id = excluded.native_id, source_url = excluded.source_url,"
                        + " last_seen_run = excluded.last_seen_run, missing_runs = 0")
                .setParameter("source", source).setParameter("location", location).setParameter("key", recordKey)
                .setParameter("archive", archive).setParameter("nativeId", nativeId).setParameter("url", sourceUrl)
                .setParameter("run", runId)
                .executeUpdate();
    }

    /** A key a page listed, with what a later deletion event needs. */
    public record Listed(String recordKey, String archive, String nativeId, String sourceUrl) {}

    /** {@link #seen} for every record of a page, in one transaction. */
    @Transactional
    public void seenAll(String source, String location, UUID runId, List<Listed> keys) {
        for (Listed key : keys) {
            seen(source, location, runId, key.recordKey(), key.archive(), key.nativeId(), key.sourceUrl());
        }
    }

    /** Records the source currently provides: distinct keys its runs listed, less those deleted or withdrawn. */
    @Transactional
    public long count(String source) {
        return ((Number) em.createNativeQuery("select count(distinct record_key) from {h-schema}source_record"
                + " where source = :source").setParameter("source", source).getSingleResult()).longValue();
    }

    /**
     * How many keys the source has listed at the location, this run's and those of earlier runs it missed, and how
     * many of them this run listed: a run that lists M of the N keys the run before it listed gives (N, M).
     */
    public record Sizes(long known, long listed) {}

    /** {@link Sizes} after the complete listing of {@code runId}, before its misses are counted. */
    @Transactional
    public Sizes sizes(String source, String location, UUID runId) {
        Object[] row = (Object[]) em.createNativeQuery("select count(*), count(*) filter (where last_seen_run = :run)"
                        + " from {h-schema}source_record where source = :source and location = :location")
                .setParameter("source", source).setParameter("location", location).setParameter("run", runId)
                .getSingleResult();
        return new Sizes(((Number) row[0]).longValue(), ((Number) row[1]).longValue());
    }

    /** The key is gone upstream (deleted by the source or withdrawn by us): nothing left to watch. */
    @Transactional
    public void forget(String source, String location, String recordKey) {
        em.createNativeQuery("delete from {h-schema}source_record"
                        + " where source = :source and location = :location and record_key = :key")
                .setParameter("source", source).setParameter("location", location).setParameter("key", recordKey)
                .executeUpdate();
    }

    /**
     * After a complete listing by {@code runId}: counts one more miss for every key of the source and location the
     * run did not list, and returns those missed at least {@code threshold} times in a row.
     */
    @Transactional
    public List<Missing> countMisses(String source, String location, UUID runId, int threshold) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("update {h-schema}source_record set missing_runs = missing_runs + 1"
                        + " where source = :source and location = :location and last_seen_run <> :run"
                        + " returning record_key, archive, native_id, source_url, missing_runs")
                .setParameter("source", source).setParameter("location", location).setParameter("run", runId)
                .getResultList();
        return rows.stream()
                .map(r -> new Missing((String) r[0], (String) r[1], (String) r[2], (String) r[3], ((Number) r[4]).intValue()))
                .filter(m -> m.missingRuns() >= threshold)
                .sorted(java.util.Comparator.comparing(Missing::recordKey))
                .toList();
    }
}
