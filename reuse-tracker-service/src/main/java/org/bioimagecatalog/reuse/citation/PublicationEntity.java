package org.bioimagecatalog.reuse.citation;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** One published work, whatever ids it was seen with; ids are stored normalised (see {@link PublicationRef}). */
@Entity
@Table(name = "publication")
public class PublicationEntity extends PanacheEntityBase {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    public String doi;
    public String pmid;
    public String pmcid;
    public String title;
    public String journal;
    public Integer year;
    public String authors;
    @Column(name = "created_at")
    public Instant createdAt;
    @Column(name = "updated_at")
    public Instant updatedAt;

    /** Every stored work that shares at least one id with the reference, oldest first. */
    public static List<PublicationEntity> listSharingAnyId(PublicationRef ref) {
        List<String> clauses = new ArrayList<>();
        Map<String, Object> params = new java.util.HashMap<>();
        if (ref.doi() != null) {
            clauses.add("doi = :doi");
            params.put("doi", ref.doi());
        }
        if (ref.pmid() != null) {
            clauses.add("pmid = :pmid");
            params.put("pmid", ref.pmid());
        }
        if (ref.pmcid() != null) {
            clauses.add("pmcid = :pmcid");
            params.put("pmcid", ref.pmcid());
        }
        if (clauses.isEmpty()) {
            return List.of();
        }
        return list(String.join(" or ", clauses) + " order by id", params);
    }

    static PublicationEntity create(PublicationRef ref, Instant now) {
        PublicationEntity work = new PublicationEntity();
        work.doi = ref.doi();
        work.pmid = ref.pmid();
        work.pmcid = ref.pmcid();
        work.title = ref.title();
        work.year = ref.year();
        work.authors = ref.authors();
        work.createdAt = now;
        work.updatedAt = now;
        return work;
    }
}
