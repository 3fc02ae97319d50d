package org.bioimagecatalog.catalog.dataset;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Transient;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.bioimagecatalog.model.DatasetMetadata;
import org.bioimagecatalog.model.ModelJson;
import org.bioimagecatalog.model.events.HarvestedRecord;
import org.bioimagecatalog.model.events.SourceRecordRef;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** The latest state of one archive record ({@code source:nativeId}) and the canonical dataset it belongs to. */
@Entity
@Table(name = "source_record")
public class SourceRecord extends PanacheEntityBase {

    @Id
    @Column(name = "key")
    public String recordKey;

    @Column(nullable = false)
    public String source;

    @Column(name = "native_id", nullable = false)
    public String nativeId;

    @Column(name = "source_url")
    public String sourceUrl;

    /** SHA-256 of the record's metadata as {@link ModelJson} writes it; null once the archive deleted it. */
    @Column(name = "content_hash")
    public String contentHash;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(columnDefinition = "jsonb")
    public String metadata;

    public boolean deleted;

    @Column(name = "dataset_id", nullable = false)
    public String datasetId;

    @Column(name = "first_seen", nullable = false)
    public Instant firstSeen;

    @Column(name = "last_seen", nullable = false)
    public Instant lastSeen;

    @Column(name = "last_run_id")
    public String lastRunId;

    /** The {@code MatchKeys.VERSION} its match keys were computed with; 0 = never. */
    @Column(name = "match_version", nullable = false)
    public int matchVersion;

    /** {@link #metadata} as read or written in this transaction, so that it is parsed or serialised once. */
    @Transient
    private DatasetMetadata metadataValue;

    public static SourceRecord create(HarvestedRecord record, String datasetId, Instant seen) {
        SourceRecord created = new SourceRecord();
        created.recordKey = record.key();
        created.source = record.source();
        created.nativeId = record.nativeId();
        created.datasetId = datasetId;
        created.firstSeen = seen;
        created.lastSeen = seen;
        created.lastRunId = record.runId();
        return created;
    }

    /** The source records of a dataset that the archives still publish, in key order. */
    public static List<SourceRecordRef> activeRefs(String datasetId) {
        return SourceRecord.<SourceRecord>list("datasetId = ?1 and deleted = false order by recordKey", datasetId)
                .stream()
                .map(SourceRecord::ref)
                .toList();
    }

    public SourceRecordRef ref() {
        return new SourceRecordRef(recordKey, source, nativeId, sourceUrl);
    }

    /** True when the record says what we already hold, so nothing downstream needs to change. */
    public boolean hasSameContent(String metadataHash, HarvestedRecord record, int currentMatchVersion) {
        return deleted == record.deleted()
                && (deleted || matchVersion == currentMatchVersion)
                && Objects.equals(contentHash, metadataHash)
                && (record.deleted() || Objects.equals(sourceUrl, record.sourceUrl()));
    }

    /** Bookkeeping of every sighting, changed or not: when and by which run the archive last listed it. */
    public void seen(Instant seenAt, String runId) {
        if (lastSeen == null || seenAt.isAfter(lastSeen)) {
            lastSeen = seenAt;
        }
        lastRunId = runId;
    }

    public DatasetMetadata metadataValue() {
        if (metadataValue == null && metadata != null) {
            metadataValue = ModelJson.read(metadata, DatasetMetadata.class);
        }
        return metadataValue;
    }

    /**
     * Takes what the record says now.
     *
     * @param metadataJson its metadata as {@link ModelJson} writes it (what {@code metadataHash} hashes)
     */
    public void update(HarvestedRecord record, String metadataJson, String metadataHash) {
        deleted = record.deleted();
        if (!record.deleted()) {
            // a deleted record keeps its last metadata, so history and a later restore can still read it
            sourceUrl = record.sourceUrl();
            contentHash = metadataHash;
            metadata = metadataJson;
            metadataValue = record.metadata();
        } else {
            contentHash = null;
        }
    }
}
