package org.bioimagecatalog.catalog.dataset;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.bioimagecatalog.catalog.outbox.Outbox;
import org.bioimagecatalog.model.DatasetMetadata;
import org.bioimagecatalog.model.ModelJson;
import org.bioimagecatalog.model.events.DatasetChanged;
import org.bioimagecatalog.model.events.HarvestedRecord;
import org.bioimagecatalog.model.events.SourceRecordRef;

/**
 * Applies one harvested record in one transaction: upserts the source record, gives the canonical dataset
 * a new version when what it says changed, and queues the {@link DatasetChanged} (or the tombstone) in the
 * outbox. Idempotent: applying the same record twice changes nothing the second time, so at-least-once
 * delivery and replays are safe.
 *
 * <p>For now one source record makes one dataset and the canonical metadata is the record's own; merging
 * several records into one dataset will replace {@link #canonicalMetadata} and the id choice, not the flow.
 */
@ApplicationScoped
public class DatasetUpsertService {

    @Inject
    Outbox outbox;

    @Transactional
    public IngestResult apply(HarvestedRecord record) {
        Instant now = Instant.now();
        Instant seenAt = record.occurredAt() != null ? record.occurredAt() : now;
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
            boolean same = source.hasSameContent(metadataHash, record);
            source.seen(seenAt, record.runId());
            if (same) {
                return IngestResult.unchanged(source.datasetId, 0);
            }
            source.update(record, metadataHash);
        }
        Dataset dataset = Dataset.findForUpdate(source.datasetId);
        return record.deleted() ? withdraw(dataset, record, now) : newVersion(dataset, source, record, now);
    }

    private IngestResult newVersion(Dataset dataset, SourceRecord source, HarvestedRecord record, Instant now) {
        List<SourceRecordRef> refs = SourceRecord.activeRefs(source.datasetId);
        DatasetMetadata metadata = canonicalMetadata(record);
        String contentHash = ModelJson.contentHash(new CanonicalContent(refs, metadata));
        if (dataset != null && !dataset.withdrawn && contentHash.equals(dataset.contentHash)) {
            return IngestResult.unchanged(dataset.id, dataset.version);
        }
        DatasetChanged previous = dataset == null ? null : dataset.documentAsEvent();
        boolean wasWithdrawn = dataset != null && dataset.withdrawn;
        List<String> changed = ChangedFields.between(previous, wasWithdrawn, refs, metadata);
        boolean created = dataset == null;
        if (created) {
            dataset = Dataset.create(source.datasetId, now);
        }
        DatasetChanged event = new DatasetChanged(UUID.randomUUID().toString(), DatasetChanged.SCHEMA_VERSION,
                dataset.id, now, contentHash, record.runId(), dataset.id, dataset.version + 1, refs, metadata);
        String json = ModelJson.write(event);
        dataset.publish(event, json, now);
        if (created) {
            dataset.persist(); // after publish(): the insert takes the entity's state at persist time
        }
        DatasetVersion.of(dataset, record.key(), record.runId(), changed, json).persist();
        outbox.enqueue(DatasetChanged.TOPIC, dataset.id, json);
        return new IngestResult(IngestResult.Outcome.CHANGED, dataset.id, dataset.version, changed);
    }

    /** With one record per dataset, the record's deletion withdraws the dataset (a tombstone downstream). */
    private IngestResult withdraw(Dataset dataset, HarvestedRecord record, Instant now) {
        if (dataset == null || dataset.withdrawn) {
            return IngestResult.unchanged(dataset == null ? null : dataset.id, 0);
        }
        dataset.withdraw(now);
        List<String> changed = List.of(ChangedFields.WITHDRAWN);
        DatasetVersion.of(dataset, record.key(), record.runId(), changed, null).persist();
        outbox.enqueue(DatasetChanged.TOPIC, dataset.id, null);
        return new IngestResult(IngestResult.Outcome.WITHDRAWN, dataset.id, dataset.version, changed);
    }

    private static DatasetMetadata canonicalMetadata(HarvestedRecord record) {
        return record.metadata();
    }

    /** What a dataset says, hashed to tell a real change from a re-publication of the same content. */
    private record CanonicalContent(List<SourceRecordRef> sourceRecords, DatasetMetadata metadata) {}
}
