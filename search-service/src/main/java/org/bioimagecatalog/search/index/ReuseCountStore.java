package org.bioimagecatalog.search.index;

import io.quarkus.hibernate.orm.panache.Panache;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import javax.sql.DataSource;
import org.bioimagecatalog.model.events.ReuseSummary;

/**
 * Reuse summaries as last received. The reuse count shown in search is {@link ReuseSummary#reuses()}: how
 * many works reused the data, which is what a producer wants credit for (citations are kept alongside).
 */
@ApplicationScoped
public class ReuseCountStore {
    private final DataSource dataSource;

    public ReuseCountStore(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /**
     * Stores a summary unless a newer one is already stored (a replay delivers old ones again), and
     * answers the reuse count now on record.
     */
    @Transactional
    public int store(ReuseSummary summary) {
        Panache.getEntityManager().createNativeQuery("""
                INSERT INTO reuse_summary (dataset_id, reuses, citations, distinct_citing_works, occurred_at)
                VALUES (:id, :reuses, :citations, :distinct, :occurredAt)
                ON CONFLICT (dataset_id) DO UPDATE
                   SET reuses = excluded.reuses, citations = excluded.citations,
                       distinct_citing_works = excluded.distinct_citing_works,
                       occurred_at = excluded.occurred_at, updated_at = now()
                 WHERE reuse_summary.occurred_at IS NULL OR excluded.occurred_at IS NULL
                    OR excluded.occurred_at >= reuse_summary.occurred_at
                """)
                .setParameter("id", summary.datasetId())
                .setParameter("reuses", summary.reuses())
                .setParameter("citations", summary.citations())
                .setParameter("distinct", summary.distinctCitingWorks())
                .setParameter("occurredAt", summary.occurredAt() == null ? null
                        : summary.occurredAt().atOffset(ZoneOffset.UTC))
                .executeUpdate();
        StoredReuseSummary stored = StoredReuseSummary.findById(summary.datasetId());
        return stored == null ? 0 : stored.reuses;
    }

    /** A tombstone on the reuse topic: the dataset has no reuse on record any more. */
    @Transactional
    public void remove(String datasetId) {
        StoredReuseSummary.deleteById(datasetId);
    }

    /** Reuse counts of the summaries stored or changed at or after {@code since}. */
    @Transactional
    public Map<String, Integer> countsChangedSince(java.time.Instant since) {
        Map<String, Integer> counts = new HashMap<>();
        StoredReuseSummary.<StoredReuseSummary>list("updatedAt >= ?1", since.atOffset(ZoneOffset.UTC))
                .forEach(s -> counts.put(s.datasetId, s.reuses));
        return counts;
    }

    /**
     * Reuse counts of the given datasets; a dataset without a summary is absent from the map. Called twice per
     * indexed batch, so it is one plain statement with the ids as one array parameter: no ORM session, no JTA
     * transaction, no 500 bind parameters. A database that cannot answer raises {@link PersistenceException},
     * which {@link IndexingRetry} waits out like the JPA calls.
     */
    public Map<String, Integer> countsFor(Collection<String> datasetIds) {
        Map<String, Integer> counts = new HashMap<>();
        if (datasetIds.isEmpty()) {
            return counts;
        }
        try (Connection connection = dataSource.getConnection();
                PreparedStatement query = connection.prepareStatement(
                        "SELECT dataset_id, reuses FROM reuse_summary WHERE dataset_id = ANY (?)")) {
            query.setArray(1, connection.createArrayOf("text", datasetIds.toArray()));
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    counts.put(rows.getString(1), rows.getInt(2));
                }
            }
        } catch (SQLException e) {
            throw new PersistenceException("reading reuse counts failed: " + e.getMessage(), e);
        }
        return counts;
    }
}
