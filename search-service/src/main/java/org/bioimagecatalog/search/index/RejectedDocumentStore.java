package org.bioimagecatalog.search.index;

import io.quarkus.hibernate.orm.panache.Panache;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.List;

/**
 * The dead letters of indexing: documents Elasticsearch refused for good (e.g. a mapping error), with the
 * reason, in table {@code search.rejected_document}. A later event of the same dataset that is accepted
 * removes the entry. The event itself stays on the compacted topic, so the table only needs to say which one
 * and why (see README); records that cannot be read or made into a document go to {@link DatasetDeadLetters}.
 */
@ApplicationScoped
public class RejectedDocumentStore {

    @Transactional
    public void record(String datasetId, long version, String index, String errorType, String reason) {
        Panache.getEntityManager().createNativeQuery("""
                INSERT INTO rejected_document (dataset_id, version, index_name, error_type, reason)
                VALUES (:id, :version, :index, :type, :reason)
                ON CONFLICT (dataset_id) DO UPDATE
                   SET version = excluded.version, index_name = excluded.index_name,
                       error_type = excluded.error_type, reason = excluded.reason, rejected_at = now()
                """)
                .setParameter("id", datasetId)
                .setParameter("version", version)
                .setParameter("index", index)
                .setParameter("type", errorType)
                .setParameter("reason", reason.length() > 2000 ? reason.substring(0, 2000) : reason)
                .executeUpdate();
    }

    @Transactional
    public void clear(List<String> acceptedIds) {
        if (!acceptedIds.isEmpty()) {
            Panache.getEntityManager().createNativeQuery("DELETE FROM rejected_document WHERE dataset_id IN (:ids)")
                    .setParameter("ids", acceptedIds).executeUpdate();
        }
    }

    /** The reason the dataset was last rejected, or null. */
    @Transactional
    public String reasonFor(String datasetId) {
        List<?> rows = Panache.getEntityManager()
                .createNativeQuery("SELECT error_type || ': ' || reason FROM rejected_document WHERE dataset_id = :id")
                .setParameter("id", datasetId).getResultList();
        return rows.isEmpty() ? null : (String) rows.get(0);
    }
}
