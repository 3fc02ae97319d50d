package org.bioimagecatalog.harvester.run;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** A row of {@code harvester.published_record}: the content hash last acknowledged by the broker for a key. */
@Entity
@Table(name = "published_record")
public class PublishedRecordEntity extends PanacheEntityBase {
    @Id
    @Column(name = "record_key")
    public String recordKey;

    @Column(name = "content_hash", nullable = false)
    public String contentHash;

    @Column(name = "run_id", nullable = false)
    public UUID runId;

    @Column(name = "published_at", nullable = false)
    public Instant publishedAt;
}
