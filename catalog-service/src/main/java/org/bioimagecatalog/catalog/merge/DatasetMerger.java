package org.bioimagecatalog.catalog.merge;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Collectors;
import org.bioimagecatalog.catalog.dataset.ChangedFields;
import org.bioimagecatalog.catalog.dataset.Dataset;
import org.bioimagecatalog.catalog.dataset.DatasetIds;
import org.bioimagecatalog.catalog.dataset.DatasetVersion;
import org.bioimagecatalog.catalog.dataset.SourceRecord;
import org.bioimagecatalog.catalog.outbox.Outbox;
import org.bioimagecatalog.catalog.quality.Quality;
import org.bioimagecatalog.catalog.quality.QualityScorer;
import org.bioimagecatalog.model.DatasetMetadata;
import org.bioimagecatalog.model.ModelJson;
import org.bioimagecatalog.model.events.DatasetChanged;
import org.bioimagecatalog.model.events.DatasetQuality;
import org.bioimagecatalog.model.events.SourceRecordRef;

/**
 * Re-computes which source records form which canonical dataset around a change (a harvested record, a
 * curator's decision), and writes what follows: new dataset versions with merged metadata, provenance and
 * quality; a tombstone for a dataset whose records moved into another; a withdrawal when no record is left.
 *
 * <p>Records are the nodes of a graph; two active records are linked when they share a {@link MatchKeys} key
 * (unless one was split off by a curator) or a curator joined them. Each connected group is one dataset.
 * Ids are stable: a group keeps the id of the oldest dataset it holds the founding record of (the record
 * whose key the id was derived from), or else of the oldest dataset most of its records were in; a group
 * with none gets {@code bic-<sha256(first key)>}, reviving a dataset of that id that was merged away before.
 *
 * <p>Runs inside the caller's transaction, under a transaction-scoped advisory lock: re-merges serialise
 * across consumers and replicas, so that two of them never regroup the same records concurrently.
 */
@ApplicationScoped
public class DatasetMerger {
    static final String MERGED_INTO = "mergedInto";
    private static final long LOCK = 0x6269632d6d657267L; // "bic-merg"
    /** The transaction's resource that says it holds the lock. */
    private static final String LOCK_HELD = DatasetMerger.class.getName() + ".lock";

    @Inject
    EntityManager em;

    @Inject
    TransactionSynchronizationRegistry transaction;

    @Inject
    MetadataMerger metadataMerger;

    @Inject
    Outbox outbox;

    @Inject
    CanonicalNormaliser normaliser;

    /** What a re-merge did to one dataset. */
    public record Change(Kind kind, String datasetId, int version, List<String> changedFields) {
        public enum Kind { CHANGED, UNCHANGED, MERGED_AWAY, WITHDRAWN }
    }

    /**
     * Takes the merge lock for the rest of the transaction. Once per transaction: a poll of harvested records applies
     * many in one, and the lock is held until the commit anyway.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void lock() {
        if (transaction.getResource(LOCK_HELD) == null) {
            em.createNativeQuery("select 1 from (select pg_advisory_xact_lock(:lock)) l").setParameter("lock", LOCK).getSingleResult();
            transaction.putResource(LOCK_HELD, Boolean.TRUE);
        }
    }

    /** Replaces a record's match keys (none for a deleted record). */
    @Transactional(Transactional.TxType.MANDATORY)
    public void storeMatchKeys(SourceRecord record, DatasetMetadata metadata) {
        em.flush(); // the record row must exist before its keys reference it
        em.createNativeQuery("delete from record_match_key where source_key = :key")
                .setParameter("key", record.recordKey).executeUpdate();
        if (!record.deleted) {
            for (String key : MatchKeys.of(record.source, record.nativeId, metadata)) {
                em.createNativeQuery("insert into record_match_key (source_key, match_key) values (:s, :m)")
                        .setParameter("s", record.recordKey).setParameter("m", key).executeUpdate();
            }
        }
        record.matchVersion = MatchKeys.VERSION;
    }

    /**
     * Regroups the records connected to {@code seedKeys} and their current datasets.
     *
     * @param causeKey the source record the history will name as the cause
     * @param runId    the harvest run (or manual decision) that caused it
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public List<Change> remerge(Collection<String> seedKeys, String causeKey, String runId) {
        Instant now = Instant.now();
        em.flush();
        Set<String> datasetIds = affectedDatasets(seedKeys);
        Map<String, Dataset> datasets = new LinkedHashMap<>();
        for (String id : datasetIds) { // id order: two re-merges lock in the same order
            Dataset d = Dataset.findForUpdate(id);
            if (d != null) {
                datasets.put(id, d);
            }
        }
        List<SourceRecord> records = SourceRecord.list("datasetId in ?1 or recordKey in ?2 order by recordKey",
                datasetIds, seedKeys);
        Map<String, SourceRecord> byKey = records.stream()
                .collect(Collectors.toMap(r -> r.recordKey, r -> r, (a, b) -> a, LinkedHashMap::new));
        List<List<SourceRecord>> groups = group(byKey);
        Map<List<SourceRecord>, String> ids = assignIds(groups, datasets);

        Map<String, String> survivorOf = new HashMap<>();
        for (String old : datasets.keySet()) {
            groups.stream().filter(g -> countIn(g, old) > 0)
                    .max(Comparator.comparingLong(g -> countIn(g, old)))
                    .ifPresent(g -> survivorOf.put(old, ids.get(g)));
        }
        List<Change> changes = new ArrayList<>();
        for (List<SourceRecord> group : groups) {
            String id = ids.get(group);
            group.forEach(r -> r.datasetId = id);
            Dataset dataset = datasets.computeIfAbsent(id, Dataset::findForUpdate);
            changes.add(write(dataset, id, group, causeKey, runId, now));
        }
        Set<String> assigned = new HashSet<>(ids.values());
        for (Dataset dataset : datasets.values()) {
            if (assigned.contains(dataset.id)) {
                continue;
            }
            String survivor = survivorOf.get(dataset.id);
            // deleted records follow their dataset into the survivor, so a later split finds them there
            records.stream().filter(r -> r.deleted && r.datasetId.equals(dataset.id) && survivor != null)
                    .forEach(r -> r.datasetId = survivor);
            if (!dataset.live() && (survivor == null || survivor.equals(dataset.mergedInto))) {
                continue;
            }
            changes.add(survivor == null ? withdraw(dataset, causeKey, runId, now)
                    : mergeAway(dataset, survivor, causeKey, runId, now));
        }
        return changes;
    }

    private Set<String> affectedDatasets(Collection<String> seedKeys) {
        Set<String> datasetIds = new TreeSet<>(strings(em.createNativeQuery(
                "select distinct dataset_id from source_record where key in (:keys)").setParameter("keys", seedKeys)
                .getResultList()));
        Set<String> keys = new TreeSet<>(seedKeys);
        while (true) {
            keys.addAll(strings(em.createNativeQuery("select key from source_record where dataset_id in (:ids)")
                    .setParameter("ids", datasetIds).getResultList()));
            List<String> linked = strings(em.createNativeQuery("""
                    select s.dataset_id from record_match_key a
                      join record_match_key b on b.match_key = a.match_key
                      join source_record s on s.key = b.source_key
                     where a.source_key in (:keys) and s.deleted = false
                       and not exists (select 1 from merge_decision d where d.active and d.kind = 'split'
                                          and d.source_key in (a.source_key, b.source_key))
                    union
                    select s.dataset_id from merge_decision d
                      join source_record s on s.key in (d.source_key, d.other_key)
                     where d.active and d.kind = 'join' and (d.source_key in (:keys) or d.other_key in (:keys))""")
                    .setParameter("keys", keys).getResultList());
            if (datasetIds.containsAll(linked)) {
                return datasetIds;
            }
            datasetIds.addAll(linked);
        }
    }

    /** Connected groups of the active records, each sorted by key, the groups by their first key. */
    private List<List<SourceRecord>> group(Map<String, SourceRecord> byKey) {
        Set<String> active = byKey.values().stream().filter(r -> !r.deleted).map(r -> r.recordKey)
                .collect(Collectors.toCollection(TreeSet::new));
        UnionFind groups = new UnionFind(active);
        if (active.isEmpty()) {
            return List.of();
        }
        Set<String> split = new HashSet<>(strings(em.createNativeQuery(
                "select source_key from merge_decision where active and kind = 'split' and source_key in (:keys)")
                .setParameter("keys", active).getResultList()));
        Map<String, String> firstWithKey = new HashMap<>();
        for (Object row : em.createNativeQuery(
                "select source_key, match_key from record_match_key where source_key in (:keys) order by 1, 2")
                .setParameter("keys", active).getResultList()) {
            Object[] pair = (Object[]) row;
            String record = (String) pair[0];
            if (!split.contains(record)) {
                String first = firstWithKey.putIfAbsent((String) pair[1], record);
                if (first != null) {
                    groups.union(first, record);
                }
            }
        }
        for (Object row : em.createNativeQuery("""
                select source_key, other_key from merge_decision
                 where active and kind = 'join' and source_key in (:keys) and other_key in (:keys)""")
                .setParameter("keys", active).getResultList()) {
            Object[] pair = (Object[]) row;
            groups.union((String) pair[0], (String) pair[1]);
        }
        return groups.groups().stream()
                .map(keys -> keys.stream().map(byKey::get).toList())
                .toList();
    }

    /**
     * Oldest dataset first: it goes to the group holding its founding record, else to the group holding most
     * of its current records. Groups left over get the id derived from their earliest-seen record.
     */
    private static Map<List<SourceRecord>, String> assignIds(List<List<SourceRecord>> groups,
            Map<String, Dataset> datasets) {
        Map<List<SourceRecord>, String> ids = new HashMap<>();
        List<Dataset> oldestFirst = datasets.values().stream()
                .sorted(Comparator.comparing((Dataset d) -> d.createdAt).thenComparing(d -> d.id))
                .toList();
        for (Dataset dataset : oldestFirst) {
            List<SourceRecord> target = groups.stream()
                    .filter(g -> !ids.containsKey(g))
                    .filter(g -> g.stream().anyMatch(r -> DatasetIds.forSourceKey(r.recordKey).equals(dataset.id)))
                    .findFirst()
                    .orElseGet(() -> groups.stream()
                            .filter(g -> !ids.containsKey(g))
                            .filter(g -> countIn(g, dataset.id) > 0)
                            .max(Comparator.comparingLong(g -> countIn(g, dataset.id)))
                            .orElse(null));
            if (target != null) {
                ids.put(target, dataset.id);
            }
        }
        for (List<SourceRecord> group : groups) {
            if (ids.containsKey(group)) {
                continue;
            }
            List<String> candidates = group.stream()
                    .sorted(Comparator.comparing((SourceRecord r) -> r.firstSeen).thenComparing(r -> r.recordKey))
                    .map(r -> DatasetIds.forSourceKey(r.recordKey))
                    .filter(id -> !ids.containsValue(id))
                    .toList();
            // only a SHA-256 prefix collision leaves no candidate
            ids.put(group, candidates.isEmpty()
                    ? DatasetIds.forSourceKey(group.get(0).recordKey + "#" + ids.size()) : candidates.get(0));
        }
        return ids;
    }

    private static long countIn(List<SourceRecord> group, String datasetId) {
        return group.stream().filter(r -> datasetId.equals(r.datasetId)).count();
    }

    private Change write(Dataset dataset, String id, List<SourceRecord> group, String causeKey, String runId,
            Instant now) {
        List<SourceRecordRef> refs = group.stream().map(SourceRecord::ref).toList();
        MergedMetadata merged = metadataMerger.merge(group.stream()
                .map(r -> new MergeInput(r.recordKey, r.source, normaliser.normalise(r.metadataValue())))
                .toList());
        DatasetMetadata metadata = merged.metadata();
        Quality quality = QualityScorer.score(metadata);
        String contentHash = ModelJson.contentHash(new CanonicalContent(refs, metadata));
        boolean created = dataset == null;
        if (created) {
            dataset = Dataset.create(id, now);
        }
        dataset.provenance = ModelJson.write(merged.provenance());
        dataset.qualityScore = quality.score();
        dataset.qualityMissing = quality.missing().toArray(String[]::new);
        dataset.normaliserVersion = normaliser.version();
        if (!created && dataset.live() && contentHash.equals(dataset.contentHash)) {
            return new Change(Change.Kind.UNCHANGED, id, dataset.version, List.of());
        }
        DatasetChanged previous = created ? null : dataset.documentAsEvent();
        List<String> changed = ChangedFields.between(previous, !created && !dataset.live(), refs, metadata);
        DatasetChanged event = new DatasetChanged(UUID.randomUUID().toString(), DatasetChanged.SCHEMA_VERSION,
                id, now, contentHash, runId, id, dataset.version + 1, refs, metadata,
                new DatasetQuality(quality.score(), quality.missing()));
        String json = ModelJson.write(event);
        dataset.publish(event, json, now);
        if (created) {
            dataset.persist(); // after publish(): the insert takes the entity's state at persist time
        }
        DatasetVersion.of(dataset, causeKey, runId, changed, json).persist();
        outbox.enqueue(DatasetChanged.TOPIC, id, json);
        return new Change(Change.Kind.CHANGED, id, dataset.version, changed);
    }

    private Change mergeAway(Dataset dataset, String survivor, String causeKey, String runId, Instant now) {
        dataset.mergeInto(survivor, now);
        List<String> changed = List.of(MERGED_INTO);
        DatasetVersion.of(dataset, causeKey, runId, changed, null).persist();
        outbox.enqueue(DatasetChanged.TOPIC, dataset.id, null);
        return new Change(Change.Kind.MERGED_AWAY, dataset.id, dataset.version, changed);
    }

    private Change withdraw(Dataset dataset, String causeKey, String runId, Instant now) {
        dataset.withdraw(now);
        List<String> changed = List.of(ChangedFields.WITHDRAWN);
        DatasetVersion.of(dataset, causeKey, runId, changed, null).persist();
        outbox.enqueue(DatasetChanged.TOPIC, dataset.id, null);
        return new Change(Change.Kind.WITHDRAWN, dataset.id, dataset.version, changed);
    }

    @SuppressWarnings("unchecked")
    private static List<String> strings(List<?> rows) {
        return (List<String>) rows;
    }

    /** What a dataset says, hashed to tell a real change from a re-publication of the same content. */
    private record CanonicalContent(List<SourceRecordRef> sourceRecords, DatasetMetadata metadata) {}
}
