package org.bioimagecatalog.catalog.merge;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.bioimagecatalog.catalog.CatalogException;
import org.bioimagecatalog.catalog.InvalidFieldException;
import org.bioimagecatalog.catalog.dataset.Dataset;
import org.bioimagecatalog.catalog.dataset.DatasetQueries;
import org.bioimagecatalog.catalog.dataset.SourceRecord;

/**
 * A curator's split and join: each is stored as a {@link MergeDecision} (so that every later re-merge, from
 * any harvest, applies it) and the records are regrouped at once, in the same transaction.
 */
@ApplicationScoped
public class MergeDecisions {

    /** The decision taken and the live datasets its records form now. */
    public record Outcome(long decisionId, String kind, List<String> datasetIds, List<String> mergedAway) {}

    @Inject
    DatasetMerger merger;

    @Inject
    DatasetQueries queries;

    @Transactional
    public Outcome split(String datasetId, String sourceKey, String curator) {
        merger.lock();
        Dataset dataset = queries.current(datasetId);
        List<SourceRecord> records = activeRecords(dataset.id);
        if (records.stream().noneMatch(r -> r.recordKey.equals(sourceKey))) {
            throw new InvalidFieldException("sourceKey",
                    "'" + sourceKey + "' is not an active source record of dataset " + dataset.id);
        }
        if (records.size() < 2) {
            throw new NothingToSplitException(dataset.id);
        }
        Instant now = Instant.now();
        // a split undoes earlier joins of this record: the curator's latest word counts
        MergeDecision.update("active = false where active = true and kind = ?1 and (sourceKey = ?2 or otherKey = ?2)",
                MergeDecision.JOIN, sourceKey);
        MergeDecision decision = MergeDecision.of(MergeDecision.SPLIT, sourceKey, null, dataset.id, curator, now);
        decision.persist();
        List<String> keys = records.stream().map(r -> r.recordKey).toList();
        return outcome(decision, merger.remerge(keys, sourceKey, "curator-split-" + decision.id));
    }

    @Transactional
    public Outcome join(String datasetId, String otherId, String curator) {
        merger.lock();
        Dataset dataset = queries.current(datasetId);
        if (otherId.equals(dataset.id)) {
            throw new InvalidFieldException("otherId", "a dataset cannot be joined with itself");
        }
        Dataset other;
        try {
            other = queries.current(otherId);
        } catch (CatalogException e) {
            throw new InvalidFieldException("otherId", e.getMessage());
        }
        List<SourceRecord> mine = activeRecords(dataset.id);
        List<SourceRecord> theirs = activeRecords(other.id);
        if (mine.isEmpty() || theirs.isEmpty()) {
            throw new InvalidFieldException("otherId", "both datasets need an active source record");
        }
        Instant now = Instant.now();
        MergeDecision first = null;
        // every record is tied to the other side, so that splitting one record later keeps the rest together
        for (SourceRecord record : mine) {
            MergeDecision d = MergeDecision.of(MergeDecision.JOIN, record.recordKey, theirs.get(0).recordKey,
                    dataset.id, curator, now);
            d.persist();
            first = first == null ? d : first;
        }
        for (SourceRecord record : theirs.subList(1, theirs.size())) {
            MergeDecision.of(MergeDecision.JOIN, mine.get(0).recordKey, record.recordKey, dataset.id, curator, now)
                    .persist();
        }
        Set<String> keys = new LinkedHashSet<>();
        mine.forEach(r -> keys.add(r.recordKey));
        theirs.forEach(r -> keys.add(r.recordKey));
        return outcome(first, merger.remerge(keys, mine.get(0).recordKey, "curator-join-" + first.id));
    }

    private static List<SourceRecord> activeRecords(String datasetId) {
        return SourceRecord.list("datasetId = ?1 and deleted = false order by recordKey", datasetId);
    }

    private static Outcome outcome(MergeDecision decision, List<DatasetMerger.Change> changes) {
        List<String> live = new ArrayList<>();
        List<String> gone = new ArrayList<>();
        for (DatasetMerger.Change change : changes) {
            (change.kind() == DatasetMerger.Change.Kind.MERGED_AWAY
                    || change.kind() == DatasetMerger.Change.Kind.WITHDRAWN ? gone : live).add(change.datasetId());
        }
        return new Outcome(decision.id, decision.kind, live, gone);
    }

    /** 409: a dataset built from one record has nothing to split off. */
    public static class NothingToSplitException extends CatalogException {
        NothingToSplitException(String id) {
            super(409, "nothing-to-split", "Nothing to split",
                    "dataset " + id + " is built from a single source record");
        }
    }
}
