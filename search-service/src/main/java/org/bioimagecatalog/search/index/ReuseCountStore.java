package org.bioimagecatalog.search.index;

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
     * A poll's summaries in one statement: removes the datasets of {@code removed} (tombstones), stores each
     * summary unless a newer one is already stored, and answers the reuse count now on record for every dataset
     * of {@code summaries} (the stored one when it was newer). At most one summary per dataset, and none for a
     * removed one. Plain JDBC like {@link #countsFor}; a database that cannot answer raises
     * {@link PersistenceException}, which {@link IndexingRetry} waits out.
     */
    public Map<String, Integer> storeAll(Collection<ReuseSummary> summaries, Collection<String> removed) {
        int n = summaries.size();
        String[] ids = new String[n];
        Integer[] reuses = new Integer[n];
        Integer[] citations = new Integer[n];
        Integer[] distinct = new Integer[n];
        String[] occurredAt = new String[n];
        int i = 0;
        for (ReuseSummary summary : summaries) {
            ids[i] = summary.datasetId();
            reuses[i] = summary.reuses();
            citations[i] = summary.citations();
            distinct[i] = summary.distinctCitingWorks();
            occurredAt[i] = summary.occurredAt() == null ? null : summary.occurredAt().toString();
            i++;
        }
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement("""
                        WITH removed AS (
                            DELETE FROM reuse_summary WHERE dataset_id = ANY (?)
                        ), stored AS (
                            INSERT INTO reuse_summary (dataset_id, reuses, citations, distinct_citing_works, occurred_at)
                            SELECT id, r, c, d, o::timestamptz
                              FROM unnest(?::text[], ?::int[], ?::int[], ?::int[], ?::text[]) AS s (id, r, c, d, o)
                            ON CONFLICT (dataset_id) DO UPDATE
                               SET reuses = excluded.reuses, citations = excluded.citations,
                                   distinct_citing_works = excluded.distinct_citing_works,
                                   occurred_at = excluded.occurred_at, updated_at = now()
                             WHERE reuse_summary.occurred_at IS NULL OR excluded.occurred_at IS NULL
                                OR excluded.occurred_at >= reuse_summary.occurred_at
                            RETURNING dataset_id, reuses
                        )
                        SELECT dataset_id, reuses FROM stored
                        UNION ALL
                        SELECT dataset_id, reuses FROM reuse_summary
                         WHERE dataset_id = ANY (?::text[]) AND dataset_id NOT IN (SELECT dataset_id FROM stored)
                        """)) {
            statement.setArray(1, connection.createArrayOf("text", removed.toArray()));
            statement.setArray(2, connection.createArrayOf("text", ids));
            statement.setArray(3, connection.createArrayOf("int4", reuses));
            statement.setArray(4, connection.createArrayOf("int4", citations));
            statement.setArray(5, connection.createArrayOf("int4", distinct));
            statement.setArray(6, connection.createArrayOf("text", occurredAt));
            statement.setArray(7, connection.createArrayOf("text", ids));
            // the rows a newer stored summary kept come from the statement's snapshot, unchanged by it
            return counts(statement);
        } catch (SQLException e) {
            throw new PersistenceException("storing reuse summaries failed: " + e.getMessage(), e);
        }
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
        if (datasetIds.isEmpty()) {
            return new HashMap<>();
        }
        try (Connection connection = dataSource.getConnection();
                PreparedStatement query = connection.prepareStatement(
                        "SELECT dataset_id, reuses FROM reuse_summary WHERE dataset_id = ANY (?)")) {
            query.setArray(1, connection.createArrayOf("text", datasetIds.toArray()));
            return counts(query);
        } catch (SQLException e) {
            throw new PersistenceException("reading reuse counts failed: " + e.getMessage(), e);
        }
    }

    /** The (dataset id, reuses) rows a statement answers. */
    private static Map<String, Integer> counts(PreparedStatement statement) throws SQLException {
        Map<String, Integer> counts = new HashMap<>();
        try (ResultSet rows = statement.executeQuery()) {
            while (rows.next()) {
                counts.put(rows.getString(1), rows.getInt(2));
            }
        }
        return counts;
    }
}
