package org.bioimagecatalog.testsupport;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;

/** When PostgreSQL last analysed tables by hand: what the services' table-statistics tests look at. */
public final class TableAnalyses {
    private TableAnalyses() {}

    /** Each table's last manual ANALYZE ({@code pg_stat_user_tables.last_analyze}), null when never; in order. */
    public static Map<String, Timestamp> lastAnalysed(DataSource db, String... tables) throws SQLException {
        Map<String, Timestamp> at = new LinkedHashMap<>();
        try (Connection c = db.getConnection();
                PreparedStatement q = c.prepareStatement(
                        "select last_analyze from pg_stat_user_tables where relid = ?::regclass")) {
            for (String table : tables) {
                q.setString(1, table);
                try (ResultSet r = q.executeQuery()) {
                    at.put(table, r.next() ? r.getTimestamp(1) : null);
                }
            }
        }
        return at;
    }

    /** The tables of {@code after} not analysed since {@code before}: never, or not later than then. */
    public static List<String> notAnalysedSince(Map<String, Timestamp> before, Map<String, Timestamp> after) {
        return after.entrySet().stream()
                .filter(e -> e.getValue() == null || before.get(e.getKey()) != null && !e.getValue().after(before.get(e.getKey())))
                .map(Map.Entry::getKey)
                .toList();
    }
}
