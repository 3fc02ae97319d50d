package org.bioimagecatalog.catalog.merge;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * A curator's decision, applied by every later re-merge: {@code split} keeps a record out of automatic
 * merging, {@code join} ties two records into one dataset whatever their identifiers say.
 */
@Entity
@Table(name = "merge_decision")
public class MergeDecision extends PanacheEntityBase {
    public static final String SPLIT = "split";
    public static final String JOIN = "join";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(nullable = false)
    public String kind;

    @Column(name = "source_key", nullable = false)
    public String sourceKey;

    @Column(name = "other_key")
    public String otherKey;

    @Column(name = "dataset_id", nullable = false)
    public String datasetId;

    @Column(name = "decided_by")
    public String decidedBy;

    @Column(name = "decided_at", nullable = false)
    public Instant decidedAt;

    public boolean active = true;

    static MergeDecision of(String kind, String sourceKey, String otherKey, String datasetId, String decidedBy,
            Instant at) {
        MergeDecision d = new MergeDecision();
        d.kind = kind;
        d.sourceKey = sourceKey;
        d.otherKey = otherKey;
        d.datasetId = datasetId;
        d.decidedBy = decidedBy;
        d.decidedAt = at;
        return d;
    }
}
