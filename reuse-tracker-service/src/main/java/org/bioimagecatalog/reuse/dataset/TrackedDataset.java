package org.bioimagecatalog.reuse.dataset;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import org.bioimagecatalog.model.Identifier;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** What the tracker knows of one catalog dataset, as of the latest {@code datasets.v1} event for it. */
@Entity
@Table(name = "tracked_dataset")
public class TrackedDataset extends PanacheEntityBase {
    @Id
    @Column(name = "dataset_id")
    public String datasetId;

    public String title;

    @JdbcTypeCode(SqlTypes.JSON)
    public List<String> sources = List.of();

    @JdbcTypeCode(SqlTypes.JSON)
    public List<Identifier> identifiers = List.of();

    @JdbcTypeCode(SqlTypes.JSON)
    public List<Producer> producers = List.of();

    public boolean withdrawn;

    @Column(name = "catalog_version")
    public Integer catalogVersion;

    @Column(name = "content_hash")
    public String contentHash;

    /** Content hash of the summary last published on reuse.summary.v1 (null: none yet). */
    @Column(name = "summary_hash")
    public String summaryHash;

    /** Set in the same transaction as a link change, cleared once the summary is published. */
    @Column(name = "summary_stale")
    public boolean summaryStale;

    @Column(name = "updated_at")
    public Instant updatedAt;

    /**
     * Locks those of the given datasets that are still marked summary-stale, in one query and in dataset id order:
     * every publisher of summaries locks in that order, so two of them never deadlock.
     */
    @SuppressWarnings("unchecked")
    public static List<TrackedDataset> lockSummaryStale(Collection<String> datasetIds) {
        return getEntityManager().createNativeQuery("select * from {h-schema}tracked_dataset where dataset_id = any(?1)"
                        + " and summary_stale order by dataset_id for update", TrackedDataset.class)
                .setParameter(1, datasetIds.toArray(String[]::new))
                .getResultList();
    }

    public static void markSummaryStale(Collection<String> datasetIds) {
        if (!datasetIds.isEmpty()) {
            update("summaryStale = true where datasetId in ?1", datasetIds);
        }
    }

    public static List<String> listSummaryStaleIds(int limit) {
        return getEntityManager()
                .createQuery("select d.datasetId from TrackedDataset d where d.summaryStale = true order by d.updatedAt",
                        String.class)
                .setMaxResults(limit)
                .getResultList();
    }
}
