package org.bioimagecatalog.catalog.dataset;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.List;
import org.bioimagecatalog.model.ModelJson;
import org.bioimagecatalog.model.events.DatasetChanged;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** A canonical dataset: its current version and the last {@link DatasetChanged} published for it. */
@Entity
@Table(name = "dataset")
public class Dataset extends PanacheEntityBase {

    @Id
    public String id;

    public int version;

    /** Hash of what the dataset says (source records + metadata), not of the event envelope. */
    @Column(name = "content_hash", nullable = false)
    public String contentHash;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(columnDefinition = "jsonb", nullable = false)
    public String document;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    public boolean withdrawn;

    /** Set when this dataset's records were merged into another: the API redirects there. */
    @Column(name = "merged_into")
    public String mergedInto;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(columnDefinition = "jsonb")
    public String provenance;

    @Column(name = "quality_score")
    public Integer qualityScore;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "quality_missing", columnDefinition = "text[]")
    public String[] qualityMissing;

    /** The {@code MetadataNormaliser} version the canonical metadata was built with (Flyway V6). */
    @Column(name = "normaliser_version", nullable = false)
    public int normaliserVersion;

    public static Dataset create(String id, Instant now) {
        Dataset dataset = new Dataset();
        dataset.id = id;
        dataset.createdAt = now;
        return dataset;
    }

    public DatasetChanged documentAsEvent() {
        return ModelJson.read(document, DatasetChanged.class);
    }

    public void publish(DatasetChanged event, String json, Instant now) {
        version = event.version();
        contentHash = event.contentHash();
        document = json;
        updatedAt = now;
        withdrawn = false;
        mergedInto = null;
    }

    /** The archives no longer publish any of its records. */
    public void withdraw(Instant now) {
        version++;
        updatedAt = now;
        withdrawn = true;
        mergedInto = null;
    }

    /** Its records now belong to {@code survivor}: gone from lists, redirected by the API. */
    public void mergeInto(String survivor, Instant now) {
        version++;
        updatedAt = now;
        withdrawn = true;
        mergedInto = survivor;
    }

    public boolean live() {
        return !withdrawn;
    }
}
