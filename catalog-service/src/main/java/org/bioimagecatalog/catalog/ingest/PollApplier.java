package org.bioimagecatalog.catalog.ingest;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.bioimagecatalog.catalog.dataset.DatasetIds;
import org.bioimagecatalog.catalog.dataset.SourceRecord;
import org.bioimagecatalog.catalog.dataset.SourceRecordRows;
import org.bioimagecatalog.catalog.merge.DatasetMerger;
import org.bioimagecatalog.catalog.merge.MatchKeys;
import org.bioimagecatalog.model.ModelJson;
import org.bioimagecatalog.model.events.DatasetChanged;
import org.bioimagecatalog.model.events.HarvestedRecord;

/**
 * Applies the harvested records of a poll in the caller's transaction, a set at a time: the source records of the
 * poll are read and row-locked in one query, the unchanged ones only marked seen, the changed ones upserted with
 * their match keys in batches, and the {@link DatasetMerger} regroups all of them at once under one advisory lock,
 * queueing the {@link DatasetChanged} events and tombstones in the outbox in one batch. Every read and write is
 * plain JDBC ({@link SourceRecordRows}; the merger's row classes): no entity is managed on this path.
 *
 * <p>Per-key order: a key seen twice in one poll starts a new round, so that its second version is applied after
 * its first exactly as if they came in two polls. Idempotent: applying the same records again changes nothing, so
 * at-least-once delivery and replays are safe.
 */
@ApplicationScoped
public class PollApplier {

    /** A parsed record and the trace context its outbox rows keep (its own {@code process} span's). */
    public record Arrival(HarvestedRecord record, Map<String, String> trace) {}

    private final DatasetMerger merger;
    private final SourceRecordRows rows;

    @Inject
    public PollApplier(DatasetMerger merger, SourceRecordRows rows) {
        this.merger = merger;
        this.rows = rows;
    }

    /** Applies one record in a transaction of its own (or the caller's). */
    @Transactional
    public IngestResult apply(HarvestedRecord record) {
        return apply(List.of(new Arrival(record, null))).get(0);
    }

    /** Applies the records in order; one result per record, in the same order. */
    @Transactional
    public List<IngestResult> apply(List<Arrival> arrivals) {
        merger.lock();
        List<IngestResult> results = new ArrayList<>(arrivals.size());
        List<Arrival> round = new ArrayList<>();
        Set<String> keys = new HashSet<>();
        for (Arrival arrival : arrivals) {
            if (!keys.add(arrival.record().key())) {
                results.addAll(applyRound(round));
                round.clear();
                keys.clear();
                keys.add(arrival.record().key());
            }
            round.add(arrival);
        }
        results.addAll(applyRound(round));
        return results;
    }

    /** Records of distinct keys. */
    private List<IngestResult> applyRound(List<Arrival> round) {
        if (round.isEmpty()) {
            return List.of();
        }
        Map<String, SourceRecord> existing = rows.lockAll(round.stream().map(a -> a.record().key()).toList())
                .stream().collect(Collectors.toMap(r -> r.recordKey, Function.identity()));
        IngestResult[] results = new IngestResult[round.size()];
        Map<String, DatasetMerger.Cause> causes = new LinkedHashMap<>();
        Map<Integer, SourceRecord> changed = new LinkedHashMap<>();
        Map<Integer, String> previousDataset = new LinkedHashMap<>();
        List<SourceRecord> created = new ArrayList<>();
        List<SourceRecord> updated = new ArrayList<>();
        List<SourceRecord> seen = new ArrayList<>();
        for (int i = 0; i < round.size(); i++) {
            HarvestedRecord record = round.get(i).record();
            Instant seenAt = record.occurredAt() != null ? record.occurredAt() : Instant.now();
            // written once: the stored metadata is the very JSON its hash was taken of
            String metadataJson = record.deleted() ? null : ModelJson.write(record.metadata());
            String metadataHash = metadataJson == null ? null : ModelJson.contentHashOfJson(metadataJson);
            SourceRecord source = existing.get(record.key());
            if (source == null) {
                if (record.deleted()) {
                    results[i] = IngestResult.unchanged(null, 0); // deleted before we ever saw it: nothing to withdraw
                    continue;
                }
                source = SourceRecord.create(record, DatasetIds.forSourceKey(record.key()), seenAt);
                source.update(record, metadataJson, metadataHash);
                created.add(source);
            } else {
                boolean same = source.hasSameContent(metadataHash, record, MatchKeys.VERSION);
                source.seen(seenAt, record.runId());
                if (same) {
                    seen.add(source);
                    results[i] = IngestResult.unchanged(source.datasetId, 0);
                    continue;
                }
                source.update(record, metadataJson, metadataHash);
                updated.add(source);
            }
            // its match keys are stored below, in this transaction
            source.matchVersion = MatchKeys.VERSION;
            changed.put(i, source);
            previousDataset.put(i, source.datasetId);
            causes.put(record.key(), new DatasetMerger.Cause(record.key(), record.runId(), round.get(i).trace()));
        }
        rows.seen(seen);
        if (!changed.isEmpty()) {
            rows.insert(created);
            rows.update(updated);
            merger.storeMatchKeys(changed.values());
            Map<String, SourceRecord> written = new LinkedHashMap<>();
            changed.values().forEach(r -> written.put(r.recordKey, r));
            List<DatasetMerger.Change> changes = merger.remerge(causes, written);
            changed.forEach((i, source) -> results[i] = IngestResult.of(source.datasetId, previousDataset.get(i),
                    changes));
        }
        return List.of(results);
    }
}
