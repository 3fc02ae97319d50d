package org.bioimagecatalog.search.index;

import io.quarkus.hibernate.orm.panache.Panache;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

/** Records which index version serves the alias; concurrent replicas upsert the same row harmlessly. */
@ApplicationScoped
public class IndexVersionStore {

    @Transactional
    public void recordServing(ActiveIndex active, String mappingHash) {
        Panache.getEntityManager().createNativeQuery("""
                INSERT INTO index_version (index_name, alias, mapping_version, analyzer, mapping_hash, serving)
                VALUES (:index, :alias, :version, :analyzer, :hash, true)
                ON CONFLICT (index_name) DO UPDATE
                   SET serving = true, analyzer = excluded.analyzer, mapping_hash = excluded.mapping_hash,
                       verified_at = now()
                """)
                .setParameter("index", active.index())
                .setParameter("alias", active.alias())
                .setParameter("version", active.mappingVersion())
                .setParameter("analyzer", active.analysis().analyzer())
                .setParameter("hash", mappingHash)
                .executeUpdate();
        IndexVersionRecord.update("serving = false where alias = ?1 and indexName <> ?2",
                active.alias(), active.index());
    }
}
