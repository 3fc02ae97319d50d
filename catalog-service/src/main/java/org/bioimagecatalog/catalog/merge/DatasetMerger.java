package org.bioimagecatalog.catalog.merge;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Collectors;
import org.bioimagecatalog.catalog.dataset.ChangedFields;
import org.bioimagecatalog.catalog.dataset.Dataset;
import org.bioimagecatalog.catalog.dataset.DatasetIds;
import org.bioimagecatalog.catalog.dataset.DatasetRows;
import org.bioimagecatalog.catalog.dataset.DatasetVersion;
import org.bioimagecatalog.catalog.dataset.SourceRecord;
import org.bioimagecatalog.catalog.dataset.SourceRecordRows;
import org.bioimagecatalog.catalog.db.Jdbc;
import org.bioimagecatalog.catalog.outbox.Outbox;
import org.bioimagecatalog.catalog.outbox.Outbox.Message;
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
 * across consumers and replicas, so that two of them never regroup the same records concurrently. One re-merge can
 * take many changed records at once (a poll of harvested records): their groups are regrouped together, each
 * dataset gets at most one new version, and the reads and writes are set-based rather than per record.
 *
 * <p>Reads and writes go through plain JDBC ({@link SourceRecordRows}, {@link DatasetRows}), one statement or batch
 * per kind: a re-merge flushes the caller's pending entity changes first and, since the rows it rewrote may be held
 * by the caller's persistence context, clears that context when it is done.
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

    @Inject
    Jdbc jdbc;

    @Inject
    SourceRecordRows sourceRecords;

    @Inject
    DatasetRows datasetRows;

    /** What a re-merge did to one dataset. */
    public record Change(Kind kind, String datasetId, int version, List<String> changedFields) {
        public enum Kind { CHANGED, UNCHANGED, MERGED_AWAY, WITHDRAWN }
    }

    /**
     * Why a record is re-merged: the source record and run the history names, and the trace context its outbox
     * rows keep ({@code null}: the caller's current one).
     */
    public record Cause(String sourceKey, String runId, Map<String, String> trace) {}

    /**
     * Takes the merge lock for the rest of the transaction. Once per transaction: a poll of harvested records applies
     * many in one, and the lock is held until the commit anyway.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void lock() {
        if (transaction.getResource(LOCK_HELD) == null) {
            jdbc.call(c -> {
                try (PreparedStatement lock = c.prepareStatement("select pg_advisory_xact_lock(?)")) {
                    lock.setLong(1, LOCK);
                    return lock.execute();
                }
            });
            transaction.putResource(LOCK_HELD, Boolean.TRUE);
        }
    }

    /**
     * Replaces the records' match keys (none for a deleted record), from their current metadata: one delete and
     * one insert batch for all of them.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void storeMatchKeys(Collection<SourceRecord> records) {
        if (records.isEmpty()) {
            return;
        }
        em.flush(); // the record rows must exist before their keys reference them
        List<String> recordKeys = records.stream().map(r -> r.recordKey).toList();
        jdbc.call(connection -> {
            try (PreparedStatement delete = connection.prepareStatement(
                    "delete from record_match_key where source_key = any(?)")) {
                delete.setArray(1, Jdbc.texts(connection, recordKeys));
                return delete.executeUpdate();
            }
        });
        List<String[]> pairs = new ArrayList<>();
        for (SourceRecord record : records) {
            if (!record.deleted) {
                MatchKeys.of(record.source, record.nativeId, record.metadataValue())
                        .forEach(key -> pairs.add(new String[] {record.recordKey, key}));
            }
        }
        jdbc.batch("insert into record_match_key (source_key, match_key) values (?, ?)", pairs, (insert, pair) -> {
            insert.setString(1, pair[0]);
            insert.setString(2, pair[1]);
        });
        // the ingest writes its records already stamped; a re-normalisation's older ones are stamped here
        sourceRecords.matchedWith(records.stream().filter(r -> r.matchVersion != MatchKeys.VERSION)
                .map(r -> r.recordKey).toList(), MatchKeys.VERSION);
        records.forEach(r -> r.matchVersion = MatchKeys.VERSION);
    }

    /**
     * Regroups the records connected to {@code seedKeys} and their current datasets.
     *
     * @param causeKey the source record the history will name as the cause
     * @param runId    the harvest run (or manual decision) that caused it
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public List<Change> remerge(Collection<String> seedKeys, String causeKey, String runId) {
        Cause cause = new Cause(causeKey, runId, null);
        Map<String, Cause> causes = new LinkedHashMap<>();
        seedKeys.forEach(key -> causes.put(key, cause));
        return remerge(causes);
    }

    /**
     * Regroups the records connected to the keys of {@code causes} and their current datasets, at once.
     *
     * @param causes per changed record, in the order the changes arrived: a dataset's new version names the last
     *               of its records that changed, a dataset left behind the last record that left it
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public List<Change> remerge(Map<String, Cause> causes) {
        return remerge(causes, Map.of());
    }

    /**
     * As {@link #remerge(Map)}, with records the caller has just written (by key): they are used as they are
     * instead of the rows read back, so that their parsed metadata is not parsed again.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public List<Change> remerge(Map<String, Cause> causes, Map<String, SourceRecord> written) {
        if (causes.isEmpty()) {
            return List.of();
        }
        Instant now = Instant.now();
        em.flush();
        Set<String> seedKeys = causes.keySet();
        Set<String> datasetIds = affectedDatasets(seedKeys);
        Map<String, Dataset> datasets = new LinkedHashMap<>();
        // id order: two re-merges lock in the same order
        datasetRows.lockAll(datasetIds).forEach(d -> datasets.put(d.id, d));
        List<SourceRecord> records = sourceRecords.inDatasetsOrKeys(datasetIds, seedKeys).stream()
                .map(r -> written.getOrDefault(r.recordKey, r)).toList();
        Map<String, String> storedDataset = records.stream()
                .collect(Collectors.toMap(r -> r.recordKey, r -> r.datasetId));
        Map<String, SourceRecord> byKey = records.stream()
                .collect(Collectors.toMap(r -> r.recordKey, r -> r, (a, b) -> a, LinkedHashMap::new));
        Map<String, String> previousDataset = new HashMap<>();
        seedKeys.stream().filter(byKey::containsKey).forEach(k -> previousDataset.put(k, byKey.get(k).datasetId));
        List<List<SourceRecord>> groups = group(byKey);
        Map<List<SourceRecord>, String> ids = assignIds(groups, datasets);

        Map<String, String> survivorOf = new HashMap<>();
        for (String old : datasets.keySet()) {
            groups.stream().filter(g -> countIn(g, old) > 0)
                    .max(Comparator.comparingLong(g -> countIn(g, old)))
                    .ifPresent(g -> survivorOf.put(old, ids.get(g)));
        }
        // ids new to this re-merge: new datasets, or ones merged away before that a split revives
        datasetRows.lockAll(ids.values().stream().filter(id -> !datasets.containsKey(id)).collect(
                Collectors.toCollection(TreeSet::new))).forEach(d -> datasets.put(d.id, d));
        Cause last = causes.values().stream().reduce((a, b) -> b).orElseThrow();
        Map<String, Integer> order = new HashMap<>();
        causes.keySet().forEach(key -> order.put(key, order.size()));
        Map<String, Cause> causeOfDataset = new HashMap<>();
        List<Change> changes = new ArrayList<>();
        Writes writes = new Writes();
        for (List<SourceRecord> group : groups) {
            String id = ids.get(group);
            group.forEach(r -> r.datasetId = id);
            Cause cause = lastCause(causes, order, group.stream().map(r -> r.recordKey).toList()).orElse(last);
            causeOfDataset.put(id, cause);
            changes.add(write(datasets.get(id), id, group, cause, now, writes));
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
            Cause cause = lastCause(causes, order, previousDataset.entrySet().stream()
                    .filter(e -> e.getValue().equals(dataset.id)).map(Map.Entry::getKey).toList())
                    .orElseGet(() -> causeOfDataset.getOrDefault(survivor, last));
            changes.add(survivor == null ? withdraw(dataset, cause, now, writes)
                    : mergeAway(dataset, survivor, cause, now, writes));
        }
        // new datasets first: a dataset merged away references its survivor, a version its dataset
        datasetRows.insert(writes.created);
        datasetRows.update(writes.updated.values());
        Map<String, String> moved = new LinkedHashMap<>();
        records.stream().filter(r -> !r.datasetId.equals(storedDataset.get(r.recordKey)))
                .forEach(r -> moved.put(r.recordKey, r.datasetId));
        sourceRecords.moveToDatasets(moved);
        datasetRows.insertVersions(writes.versions);
        outbox.enqueueAll(writes.messages);
        // the caller's managed copies of these rows (a curator's request read them) are stale now
        em.clear();
        return changes;
    }

    /** What a re-merge writes, a batch per kind at its end. */
    private static final class Writes {
        final List<Dataset> created = new ArrayList<>();
        final Map<String, Dataset> updated = new LinkedHashMap<>();
        final List<DatasetVersion> versions = new ArrayList<>();
        final List<Message> messages = new ArrayList<>();

        void changed(Dataset dataset, boolean created) {
            if (created) {
                this.created.add(dataset);
            } else {
                updated.put(dataset.id, dataset);
            }
        }
    }

    /** The cause of the last of {@code keys} to change, in the order of {@code causes} ({@code order}: its positions). */
    private static Optional<Cause> lastCause(Map<String, Cause> causes, Map<String, Integer> order,
            Collection<String> keys) {
        return keys.stream().filter(order::containsKey).max(Comparator.comparing(order::get)).map(causes::get);
    }

    private Set<String> affectedDatasets(Collection<String> seedKeys) {
        return jdbc.call(c -> {
            Set<String> datasetIds;
            try (PreparedStatement query = c.prepareStatement(
                    "select distinct dataset_id from source_record where key = any(?)")) {
                query.setArray(1, Jdbc.texts(c, seedKeys));
                datasetIds = new TreeSet<>(Jdbc.strings(query));
            }
            Set<String> keys = new TreeSet<>(seedKeys);
            try (PreparedStatement members = c.prepareStatement("select key from source_record where dataset_id = any(?)");
                    PreparedStatement linkedTo = c.prepareStatement("""
                    select s.dataset_id from record_match_key a
                      join record_match_key b on b.match_key = a.match_key
                      join source_record s on s.key = b.source_key
                     where a.source_key = any(?) and s.deleted = false
                       and not exists (select 1 from merge_decision d where d.active and d.kind = 'split'
                                          and d.source_key in (a.source_key, b.source_key))
                    union
                    select s.dataset_id from merge_decision d
                      join source_record s on s.key in (d.source_key, d.other_key)
                     where d.active and d.kind = 'join' and (d.source_key = any(?) or d.other_key = any(?))""")) {
                while (true) {
                    members.setArray(1, Jdbc.texts(c, datasetIds));
                    keys.addAll(Jdbc.strings(members));
                    java.sql.Array keyArray = Jdbc.texts(c, keys);
                    linkedTo.setArray(1, keyArray);
                    linkedTo.setArray(2, keyArray);
                    linkedTo.setArray(3, keyArray);
                    List<String> linked = Jdbc.strings(linkedTo);
                    if (datasetIds.containsAll(linked)) {
                        return datasetIds;
                    }
                    datasetIds.addAll(linked);
                }
            }
        });
    }

    /** Connected groups of the active records, each sorted by key, the groups by their first key. */
    private List<List<SourceRecord>> group(Map<String, SourceRecord> byKey) {
        Set<String> active = byKey.values().stream().filter(r -> !r.deleted).map(r -> r.recordKey)
                .collect(Collectors.toCollection(TreeSet::new));
        UnionFind groups = new UnionFind(active);
        if (active.isEmpty()) {
            return List.of();
        }
        jdbc.call(c -> {
            union(c, groups, active);
            return null;
        });
        return groups.groups().stream()
                .map(keys -> keys.stream().map(byKey::get).toList())
                .toList();
    }

    /** Links the records that share a match key (unless split off) or that a curator joined. */
    private static void union(Connection c, UnionFind groups, Set<String> active) throws SQLException {
        java.sql.Array keys = Jdbc.texts(c, active);
        Set<String> split;
        try (PreparedStatement query = c.prepareStatement(
                "select source_key from merge_decision where active and kind = 'split' and source_key = any(?)")) {
            query.setArray(1, keys);
            split = new HashSet<>(Jdbc.strings(query));
        }
        Map<String, String> firstWithKey = new HashMap<>();
        try (PreparedStatement query = c.prepareStatement(
                "select source_key, match_key from record_match_key where source_key = any(?) order by 1, 2")) {
            query.setArray(1, keys);
            try (java.sql.ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    String record = rows.getString(1);
                    if (!split.contains(record)) {
                        String first = firstWithKey.putIfAbsent(rows.getString(2), record);
                        if (first != null) {
                            groups.union(first, record);
                        }
                    }
                }
            }
        }
        try (PreparedStatement query = c.prepareStatement("""
                select source_key, other_key from merge_decision
                 where active and kind = 'join' and source_key = any(?) and other_key = any(?)""")) {
            query.setArray(1, keys);
            query.setArray(2, keys);
            try (java.sql.ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    groups.union(rows.getString(1), rows.getString(2));
                }
            }
        }
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

    private Change write(Dataset dataset, String id, List<SourceRecord> group, Cause cause, Instant now,
            Writes writes) {
        List<SourceRecordRef> refs = group.stream().map(SourceRecord::ref).toList();
        MergedMetadata merged = metadataMerger.merge(group.stream()
                .map(r -> new MergeInput(r.recordKey, r.source, normaliser.normalise(r.metadataValue())))
                .toList());
        DatasetMetadata metadata = merged.metadata();
        Quality quality = QualityScorer.score(metadata);
        DatasetJson datasetJson = new DatasetJson(metadata);
        String contentHash = datasetJson.contentHash(refs);
        boolean created = dataset == null;
        if (created) {
            dataset = Dataset.create(id, now);
        }
        String provenance = ModelJson.write(merged.provenance());
        String[] missing = quality.missing().toArray(String[]::new);
        boolean restamped = !Objects.equals(provenance, dataset.provenance)
                || !Objects.equals(quality.score(), dataset.qualityScore)
                || !java.util.Arrays.equals(missing, dataset.qualityMissing)
                || dataset.normaliserVersion != normaliser.version();
        dataset.provenance = provenance;
        dataset.qualityScore = quality.score();
        dataset.qualityMissing = missing;
        dataset.normaliserVersion = normaliser.version();
        if (!created && dataset.live() && contentHash.equals(dataset.contentHash)) {
            if (restamped) {
                writes.changed(dataset, false);
            }
            return new Change(Change.Kind.UNCHANGED, id, dataset.version, List.of());
        }
        DatasetChanged previous = created ? null : dataset.documentAsEvent();
        List<String> changed = ChangedFields.between(previous, !created && !dataset.live(), refs, metadata);
        DatasetChanged event = new DatasetChanged(UUID.randomUUID().toString(), DatasetChanged.SCHEMA_VERSION,
                id, now, contentHash, cause.runId(), id, dataset.version + 1, refs, metadata,
                new DatasetQuality(quality.score(), quality.missing()));
        String json = datasetJson.event(event);
        dataset.publish(event, json, now);
        writes.changed(dataset, created);
        writes.versions.add(DatasetVersion.of(dataset, cause.sourceKey(), cause.runId(), changed, json));
        writes.messages.add(new Message(DatasetChanged.TOPIC, id, json, cause.trace()));
        return new Change(Change.Kind.CHANGED, id, dataset.version, changed);
    }

    private Change mergeAway(Dataset dataset, String survivor, Cause cause, Instant now, Writes writes) {
        dataset.mergeInto(survivor, now);
        List<String> changed = List.of(MERGED_INTO);
        writes.changed(dataset, false);
        writes.versions.add(DatasetVersion.of(dataset, cause.sourceKey(), cause.runId(), changed, null));
        writes.messages.add(new Message(DatasetChanged.TOPIC, dataset.id, null, cause.trace()));
        return new Change(Change.Kind.MERGED_AWAY, dataset.id, dataset.version, changed);
    }

    private Change withdraw(Dataset dataset, Cause cause, Instant now, Writes writes) {
        dataset.withdraw(now);
        List<String> changed = List.of(ChangedFields.WITHDRAWN);
        writes.changed(dataset, false);
        writes.versions.add(DatasetVersion.of(dataset, cause.sourceKey(), cause.runId(), changed, null));
        writes.messages.add(new Message(DatasetChanged.TOPIC, dataset.id, null, cause.trace()));
        return new Change(Change.Kind.WITHDRAWN, dataset.id, dataset.version, changed);
    }
}
