package org.bioimagecatalog.catalog.dataset;

import static org.bioimagecatalog.catalog.db.Jdbc.instant;
import static org.bioimagecatalog.catalog.db.Jdbc.setInstant;
import static org.bioimagecatalog.catalog.db.Jdbc.texts;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.bioimagecatalog.catalog.db.Jdbc;

/**
 * The {@code source_record} rows of the ingest and the re-merge, read and written with plain JDBC, a set at a time:
 * one statement (or one batch) per kind per call. The {@link SourceRecord}s it returns and takes are plain values,
 * never managed by Hibernate; the API reads the same rows through the entity.
 */
@ApplicationScoped
public class SourceRecordRows {
    private static final String COLUMNS = "key, source, native_id, source_url, content_hash, metadata, deleted, "
            + "dataset_id, first_seen, last_seen, last_run_id, match_version";

    private final Jdbc jdbc;

    @Inject
    public SourceRecordRows(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Reads and row-locks the records of these keys (those that exist), in key order, without their metadata (null):
     * the caller brings the new metadata, compares hashes, and {@link #update} keeps the stored metadata when given
     * none.
     */
    public List<SourceRecord> lockAll(Collection<String> keys) {
        if (keys.isEmpty()) {
            return List.of();
        }
        return jdbc.call(c -> read(c, "select " + COLUMNS.replace("metadata", "null as metadata")
                + " from source_record where key = any(?) order by key for no key update", texts(c, keys)));
    }

    /** The records of these datasets and of these keys, in key order. */
    public List<SourceRecord> inDatasetsOrKeys(Collection<String> datasetIds, Collection<String> keys) {
        return jdbc.call(c -> read(c, "select " + COLUMNS
                + " from source_record where dataset_id = any(?) or key = any(?) order by key",
                texts(c, datasetIds), texts(c, keys)));
    }

    /** Inserts new records, one batch. */
    public void insert(Collection<SourceRecord> records) {
        jdbc.batch("insert into source_record (" + COLUMNS + ") values (?, ?, ?, ?, ?, ?::jsonb, ?, ?, ?, ?, ?, ?)",
                records, (insert, r) -> {
                    insert.setString(1, r.recordKey);
                    insert.setString(2, r.source);
                    insert.setString(3, r.nativeId);
                    setState(insert, 4, r);
                });
    }

    /**
     * Writes everything but the identity of existing records, one batch; a null metadata keeps the stored one (a
     * record read by {@link #lockAll}, deleted by its archive, keeps its last metadata).
     */
    public void update(Collection<SourceRecord> records) {
        jdbc.batch("""
                update source_record set source_url = ?, content_hash = ?, metadata = coalesce(?::jsonb, metadata), deleted = ?,
                       dataset_id = ?, first_seen = ?, last_seen = ?, last_run_id = ?, match_version = ?
                 where key = ?""", records, (update, r) -> {
                    setState(update, 1, r);
                    update.setString(10, r.recordKey);
                });
    }

    /** Marks records seen (an unchanged record of a re-harvest): their last sighting and run, one batch. */
    public void seen(Collection<SourceRecord> records) {
        jdbc.batch("update source_record set last_seen = ?, last_run_id = ? where key = ?", records, (update, r) -> {
            setInstant(update, 1, r.lastSeen);
            update.setString(2, r.lastRunId);
            update.setString(3, r.recordKey);
        });
    }

    /** Moves records to other datasets (key to dataset id), one batch. */
    public void moveToDatasets(Map<String, String> datasetOfKey) {
        jdbc.batch("update source_record set dataset_id = ? where key = ?", datasetOfKey.entrySet(), (update, move) -> {
            update.setString(1, move.getValue());
            update.setString(2, move.getKey());
        });
    }

    /** Stamps the match-key rule version the records' keys were computed with. */
    public void matchedWith(Collection<String> keys, int version) {
        if (keys.isEmpty()) {
            return;
        }
        jdbc.call(c -> {
            try (PreparedStatement update = c.prepareStatement(
                    "update source_record set match_version = ? where key = any(?)")) {
                update.setInt(1, version);
                update.setArray(2, texts(c, keys));
                return update.executeUpdate();
            }
        });
    }

    /** source_url … match_version from {@code first}, in the order of {@link #update}. */
    private static void setState(PreparedStatement statement, int first, SourceRecord r) throws SQLException {
        statement.setString(first, r.sourceUrl);
        statement.setString(first + 1, r.contentHash);
        statement.setString(first + 2, r.metadata);
        statement.setBoolean(first + 3, r.deleted);
        statement.setString(first + 4, r.datasetId);
        setInstant(statement, first + 5, r.firstSeen);
        setInstant(statement, first + 6, r.lastSeen);
        statement.setString(first + 7, r.lastRunId);
        statement.setInt(first + 8, r.matchVersion);
    }

    private static List<SourceRecord> read(Connection c, String sql, Object... parameters) throws SQLException {
        try (PreparedStatement query = c.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                query.setObject(i + 1, parameters[i]);
            }
            List<SourceRecord> records = new ArrayList<>();
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    SourceRecord r = new SourceRecord();
                    r.recordKey = rows.getString("key");
                    r.source = rows.getString("source");
                    r.nativeId = rows.getString("native_id");
                    r.sourceUrl = rows.getString("source_url");
                    r.contentHash = rows.getString("content_hash");
                    r.metadata = rows.getString("metadata");
                    r.deleted = rows.getBoolean("deleted");
                    r.datasetId = rows.getString("dataset_id");
                    r.firstSeen = instant(rows, "first_seen");
                    r.lastSeen = instant(rows, "last_seen");
                    r.lastRunId = rows.getString("last_run_id");
                    r.matchVersion = rows.getInt("match_version");
                    records.add(r);
                }
            }
            return records;
        }
    }
}
