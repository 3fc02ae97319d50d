package org.bioimagecatalog.reuse.citation;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OneToMany;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/** "This publication cites (or describes) this dataset", with the evidence collected for it. */
@Entity
@Table(name = "citation_link")
public class CitationLink extends PanacheEntityBase {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "publication_id")
    public PublicationEntity publication;

    @Column(name = "dataset_id")
    public String datasetId;

    @Enumerated(EnumType.STRING)
    public LinkRelation relation;

    @Column(name = "self_reuse")
    public boolean selfReuse;

    /** the kind of evidence that created the link */
    @Convert(converter = EvidenceKind.DatabaseConverter.class)
    public EvidenceKind origin;

    /** how the citing authors found the dataset, when a submitter told us (null otherwise) */
    @Column(name = "how_found")
    @Convert(converter = HowFound.DatabaseConverter.class)
    public HowFound howFound;

    @Column(name = "created_at")
    public Instant createdAt;

    @Column(name = "updated_at")
    public Instant updatedAt;

    @OneToMany(mappedBy = "link", cascade = CascadeType.ALL, orphanRemoval = true)
    public List<LinkEvidence> evidence = new ArrayList<>();

    /** The links of one dataset with their publications and evidence, loaded in one query. */
    public static List<CitationLink> listForDataset(String datasetId) {
        return find("select distinct l from CitationLink l join fetch l.publication left join fetch l.evidence"
                + " where l.datasetId = ?1", datasetId).list();
    }

    /** The links of several datasets with their publications (no evidence), in one query, by dataset id. */
    public static Map<String, List<CitationLink>> listForDatasets(Collection<String> datasetIds) {
        List<CitationLink> links = find("select l from CitationLink l join fetch l.publication where l.datasetId in ?1",
                datasetIds).list();
        return links.stream().collect(Collectors.groupingBy(link -> link.datasetId));
    }

    public static List<CitationLink> listForPublication(PublicationEntity publication) {
        return list("publication = ?1", publication);
    }

    public static Optional<CitationLink> findFor(PublicationEntity publication, String datasetId) {
        return find("publication = ?1 and datasetId = ?2", publication, datasetId).firstResultOptional();
    }

    static CitationLink create(PublicationEntity publication, String datasetId, LinkRelation relation,
            EvidenceKind origin, Instant now) {
        CitationLink link = new CitationLink();
        link.publication = publication;
        link.datasetId = datasetId;
        link.relation = relation;
        link.origin = origin;
        link.createdAt = now;
        link.updatedAt = now;
        return link;
    }

    public Optional<LinkEvidence> evidence(EvidenceKind kind) {
        return evidence.stream().filter(e -> e.kind == kind).findFirst();
    }

    public static Optional<CitationLink> findWithEvidence(long id) {
        return find("select distinct l from CitationLink l join fetch l.publication left join fetch l.evidence"
                + " where l.id = ?1", id).firstResultOptional();
    }

    void addEvidence(EvidenceKind kind, String detail, Instant observedAt) {
        LinkEvidence added = new LinkEvidence();
        added.link = this;
        added.kind = kind;
        added.detail = detail;
        added.observedAt = observedAt;
        evidence.add(added);
    }

    /** Drops the evidence of one kind; true when there was some. */
    boolean removeEvidence(EvidenceKind kind) {
        return evidence.removeIf(e -> e.kind == kind);
    }
}
