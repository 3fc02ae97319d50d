package org.bioimagecatalog.search.index;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;

/** One versioned index this service built (table {@code search.index_version}). */
@Entity
@Table(name = "index_version")
public class IndexVersionRecord extends PanacheEntityBase {
    @Id
    @Column(name = "index_name")
    public String indexName;

    public String alias;

    @Column(name = "mapping_version")
    public int mappingVersion;

    public String analyzer;

    @Column(name = "mapping_hash")
    public String mappingHash;

    public boolean serving;

    @Column(name = "created_at")
    public OffsetDateTime createdAt;

    @Column(name = "verified_at")
    public OffsetDateTime verifiedAt;
}
