package org.bioimagecatalog.harvester.run;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** A row of {@code harvester.harvest_run}. */
@Entity
@Table(name = "harvest_run")
public class HarvestRunEntity extends PanacheEntityBase {
    @Id
    public UUID id;

    @Column(nullable = false)
    public String source;

    @Column(nullable = false)
    public String location;

    @Column(nullable = false)
    public boolean force;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public RunStatus status;

    @Column(name = "started_at", nullable = false)
    public Instant startedAt;

    @Column(name = "finished_at")
    public Instant finishedAt;

    public int seen;
    public int published;
    public int unchanged;
    public int rejected;
    public int pages;
    public int deleted;

    /** Records the whole listing holds, as the source reports it (or the entries a listed source found); null: unknown. */
    public Integer total;

    @Column(name = "failure_reason")
    public String failureReason;

    /** The last entry finished (listed sources) or the reader's position after the last page finished (paged). */
    @Column(name = "resume_position")
    public String resumePosition;

    @Column(name = "resume_checkpoint")
    public String resumeCheckpoint;

    /** The checkpoint a paged run asked for changes since; null for a full harvest. */
    public String since;

    /** How often the run was resumed after the replica running it died. */
    public int resumes;
}
