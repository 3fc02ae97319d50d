package org.bioimagecatalog.catalog.dataset;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** One entry of a dataset's history: what changed, when, and which source record and run caused it. */
@Entity
@Table(name = "dataset_version")
@IdClass(DatasetVersion.Key.class)
public class DatasetVersion extends PanacheEntityBase {

    @Id
    @Column(name = "dataset_id")
    public String datasetId;

    @Id
    public int version;

    @Column(name = "changed_at", nullable = false)
    public Instant changedAt;

    @Column(name = "source_key", nullable = false)
    public String sourceKey;

    @Column(name = "run_id")
    public String runId;

    @Column(name = "content_hash", nullable = false)
    public String contentHash;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "changed_fields", columnDefinition = "text[]", nullable = false)
    public String[] changedFields;

    public boolean withdrawn;

    /** The published document of this version; null for a withdrawal. */
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(columnDefinition = "jsonb")
    public String document;

    /** The composite primary key (dataset_id, version). */
    public static class Key implements Serializable {
        public String datasetId;
        public int version;

        public Key() {}

        public Key(String datasetId, int version) {
            this.datasetId = datasetId;
            this.version = version;
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Key k && k.version == version && Objects.equals(k.datasetId, datasetId);
        }

        @Override
        public int hashCode() {
            return Objects.hash(datasetId, version);
        }
    }

    public static DatasetVersion of(Dataset dataset, String sourceKey, String runId, List<String> changedFields,
            String document) {
        DatasetVersion entry = new DatasetVersion();
        entry.datasetId = dataset.id;
        entry.version = dataset.version;
        entry.changedAt = dataset.updatedAt;
        entry.sourceKey = sourceKey;
        entry.runId = runId;
        entry.contentHash = dataset.contentHash;
        entry.changedFields = changedFields.toArray(String[]::new);
        entry.withdrawn = dataset.withdrawn;
        entry.document = document;
        return entry;
    }

    public static List<DatasetVersion> newestFirst(String datasetId) {
        return list("datasetId = ?1 order by version desc", datasetId);
    }
}
