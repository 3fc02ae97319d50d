package org.bioimagecatalog.reuse.collect;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** Where a collector's last successful run stopped, how the last run went, and who holds the collector now. */
@Entity
@Table(name = "collector_checkpoint")
public class CollectorCheckpoint extends PanacheEntityBase {
    @Id
    public String collector;
    public String position;
    @Column(name = "last_started_at")
    public Instant lastStartedAt;
    @Column(name = "last_finished_at")
    public Instant lastFinishedAt;
    @Column(name = "last_outcome")
    public String lastOutcome;
    @Column(name = "last_error")
    public String lastError;
    @Column(name = "links_recorded")
    public int linksRecorded;
    @Column(name = "evidence_added")
    public int evidenceAdded;
    @Column(name = "lease_owner")
    public String leaseOwner;
    @Column(name = "lease_until")
    public Instant leaseUntil;
}
