package org.bioimagecatalog.catalog.db;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.hibernate.Session;

/**
 * Plain JDBC on the connection of the current transaction (the one Hibernate uses), for the write-heavy paths
 * (ingest, re-merge, outbox) that send a poll's rows as a few batches instead of entity by entity. Reads and
 * writes made here are visible to Hibernate queries of the same transaction once it has flushed (callers flush
 * before and hold no managed copies of these rows after), and to every other transaction after the commit.
 *
 * <p>Key lists are bound as one {@code text[]} ({@code = any(?)}), so that each statement has one shape whatever
 * the list's length and pgjdbc reuses its server-side prepared statement.
 */
@ApplicationScoped
public class Jdbc {

    /** Work on a connection. */
    @FunctionalInterface
    public interface Work<T> {
        T run(Connection connection) throws SQLException;
    }

    /** Sets one row's parameters on a batch statement. */
    @FunctionalInterface
    public interface Binder<T> {
        void bind(PreparedStatement statement, T row) throws SQLException;
    }

    private final EntityManager em;

    @Inject
    public Jdbc(EntityManager em) {
        this.em = em;
    }

    /** Runs {@code work} on the transaction's connection; SQL errors surface as Hibernate's JDBC exceptions. */
    public <T> T call(Work<T> work) {
        return em.unwrap(Session.class).doReturningWork(work::run);
    }

    /** Sends {@code sql} once per row as one batch (nothing for no rows). */
    public <T> void batch(String sql, Collection<T> rows, Binder<? super T> binder) {
        if (rows.isEmpty()) {
            return;
        }
        call(c -> {
            try (PreparedStatement statement = c.prepareStatement(sql)) {
                for (T row : rows) {
                    binder.bind(statement, row);
                    statement.addBatch();
                }
                return statement.executeBatch();
            }
        });
    }

    public static Array texts(Connection connection, Collection<String> values) throws SQLException {
        return connection.createArrayOf("text", values.toArray(String[]::new));
    }

    public static void setInstant(PreparedStatement statement, int index, Instant value) throws SQLException {
        if (value == null) {
            statement.setNull(index, Types.TIMESTAMP_WITH_TIMEZONE);
        } else {
            statement.setObject(index, OffsetDateTime.ofInstant(value, ZoneOffset.UTC));
        }
    }

    public static Instant instant(ResultSet rows, String column) throws SQLException {
        OffsetDateTime value = rows.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    /** A {@code text[]} parameter from a Java array, or SQL null. */
    public static void setTexts(PreparedStatement statement, int index, String[] values) throws SQLException {
        if (values == null) {
            statement.setNull(index, Types.ARRAY);
        } else {
            statement.setArray(index, statement.getConnection().createArrayOf("text", values));
        }
    }

    public static String[] texts(ResultSet rows, String column) throws SQLException {
        Array value = rows.getArray(column);
        return value == null ? null : (String[]) value.getArray();
    }

    /** The first column of every row, as strings. */
    public static List<String> strings(PreparedStatement query) throws SQLException {
        List<String> values = new ArrayList<>();
        try (ResultSet rows = query.executeQuery()) {
            while (rows.next()) {
                values.add(rows.getString(1));
            }
        }
        return values;
    }
}
