package org.bioimagecatalog.catalog.dataset;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.bioimagecatalog.catalog.merge.DatasetMerger;
import org.bioimagecatalog.catalog.merge.MatchKeys;
import org.bioimagecatalog.model.ModelJson;
import org.bioimagecatalog.model.events.DatasetChanged;
import org.bioimagecatalog.model.events.HarvestedRecord;

/**
 * Applies one harvested record in one transaction: upserts the source record and its match keys, lets the
 * {@link DatasetMerger} regroup the records around it (merging, splitting, withdrawing datasets), which
 * queues the {@link DatasetChanged} events and tombstones in the outbox. Idempotent: applying the same
 * record twice changes nothing the second time, so at-least-once delivery and replays are safe.
 */
@ApplicationScoped
public class DatasetUpsertService {

    @Inject
    DatasetMerger merger;

    @Transactional
    public IngestResult apply(HarvestedRecord record) {
        merger.lock();
        Instant seenAt = record.occurredAt() != null ? record.occurredAt() : Instant.now();
        String metadataHash = record.deleted() ? null : ModelJson.contentHash(record.metadata());

        SourceRecord source = SourceRecord.findForUpdate(record.key());
        if (source == null) {
            if (record.deleted()) {
                return IngestResult.unchanged(null, 0); // deleted before we ever saw it: nothing to withdraw
            }
            source = SourceRecord.create(record, DatasetIds.forSourceKey(record.key()), seenAt);
            source.update(record, metadataHash);
            source.persist();
        } else {
            boolean same = source.hasSameContent(metadataHash, record, MatchKeys.VERSION);
            source.seen(seenAt, record.runId());
            if (same) {
                return IngestResult.unchanged(source.datasetId, 0);
            }
            source.update(record, metadataHash);
        }
        merger.storeMatchKeys(source, record.metadata());
        String previousDataset = source.datasetId;
        List<DatasetMerger.Change> changes = merger.remerge(Set.of(record.key()), record.key(), record.runId());
        return IngestResult.of(source.datasetId, previousDataset, changes);
    }
}
