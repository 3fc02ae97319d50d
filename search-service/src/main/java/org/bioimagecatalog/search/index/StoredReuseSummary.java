package org.bioimagecatalog.search.index;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;

/** The latest reuse figures of one dataset (table {@code search.reuse_summary}). */
@Entity
@Table(name = "reuse_summary")
public class StoredReuseSummary extends PanacheEntityBase {
    @Id
    @Column(name = "dataset_id")
    public String datasetId;

    public int reuses;

    public int citations;

    @Column(name = "distinct_citing_works")
    public int distinctCitingWorks;

    @Column(name = "occurred_at")
    public OffsetDateTime occurredAt;

    @Column(name = "updated_at")
    public OffsetDateTime updatedAt;
}
