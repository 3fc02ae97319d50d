package org.bioimagecatalog.reuse.citation;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.time.Instant;

/** One reason to believe a link: at most one per kind, kept with when it was first observed. */
@Entity
@Table(name = "link_evidence")
public class LinkEvidence extends PanacheEntityBase {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "link_id")
    public CitationLink link;

    @Convert(converter = EvidenceKind.DatabaseConverter.class)
    public EvidenceKind kind;

    public String detail;

    @Column(name = "observed_at")
    public Instant observedAt;
}
