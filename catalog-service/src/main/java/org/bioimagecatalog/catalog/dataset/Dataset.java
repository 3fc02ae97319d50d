package org.bioimagecatalog.catalog.dataset;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.LockModeType;
import jakarta.persistence.Table;
import java.time.Instant;
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

    static Dataset findForUpdate(String id) {
        return getEntityManager().find(Dataset.class, id, LockModeType.PESSIMISTIC_WRITE);
    }

    static Dataset create(String id, Instant now) {
        Dataset dataset = new Dataset();
        dataset.id = id;
        dataset.createdAt = now;
        return dataset;
    }

    public DatasetChanged documentAsEvent() {
        return ModelJson.read(document, DatasetChanged.class);
    }

    void publish(DatasetChanged event, String json, Instant now) {
        version = event.version();
        contentHash = event.contentHash();
        document = json;
        updatedAt = now;
        withdrawn = false;
    }

    void withdraw(Instant now) {
        version++;
        updatedAt = now;
        withdrawn = true;
    }
}
