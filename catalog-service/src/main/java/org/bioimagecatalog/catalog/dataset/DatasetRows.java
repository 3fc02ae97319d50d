package org.bioimagecatalog.catalog.dataset;

import static org.bioimagecatalog.catalog.db.Jdbc.instant;
import static org.bioimagecatalog.catalog.db.Jdbc.setInstant;
import static org.bioimagecatalog.catalog.db.Jdbc.setTexts;
import static org.bioimagecatalog.catalog.db.Jdbc.texts;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Types;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.bioimagecatalog.catalog.db.Jdbc;

/**
 * The {@code dataset} and {@code dataset_version} rows a re-merge reads and writes, with plain JDBC: one locked
 * read, then one batch per kind (inserts, updates, versions). The {@link Dataset}s and {@link DatasetVersion}s are
 * plain values here, never managed by Hibernate; the API reads the same rows through the entities.
 */
@ApplicationScoped
public class DatasetRows {
    private final Jdbc jdbc;

    @Inject
    public DatasetRows(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    /** Reads and row-locks the datasets of these ids (those that exist), in id order. */
    public List<Dataset> lockAll(Collection<String> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return jdbc.call(c -> {
            try (PreparedStatement query = c.prepareStatement("""
                    select id, version, content_hash, document, created_at, updated_at, withdrawn, merged_into,
                           provenance, quality_score, quality_missing, normaliser_version
                      from dataset where id = any(?) order by id for no key update""")) {
                query.setArray(1, texts(c, ids));
                List<Dataset> datasets = new ArrayList<>();
                try (ResultSet rows = query.executeQuery()) {
                    while (rows.next()) {
                        Dataset d = new Dataset();
                        d.id = rows.getString("id");
                        d.version = rows.getInt("version");
                        d.contentHash = rows.getString("content_hash");
                        d.document = rows.getString("document");
                        d.createdAt = instant(rows, "created_at");
                        d.updatedAt = instant(rows, "updated_at");
                        d.withdrawn = rows.getBoolean("withdrawn");
                        d.mergedInto = rows.getString("merged_into");
                        d.provenance = rows.getString("provenance");
                        int score = rows.getInt("quality_score");
                        d.qualityScore = rows.wasNull() ? null : score;
                        d.qualityMissing = texts(rows, "quality_missing");
                        d.normaliserVersion = rows.getInt("normaliser_version");
                        datasets.add(d);
                    }
                }
                return datasets;
            }
        });
    }

    /** Inserts new datasets, one batch. */
    public void insert(Collection<Dataset> datasets) {
        write(datasets, """
                insert into dataset (version, content_hash, document, created_at, updated_at, withdrawn, merged_into,
                                     provenance, quality_score, quality_missing, normaliser_version, id)
                values (?, ?, ?::jsonb, ?, ?, ?, ?, ?::jsonb, ?, ?, ?, ?)""");
    }

    /** Writes every column of existing datasets, one batch. */
    public void update(Collection<Dataset> datasets) {
        write(datasets, """
                update dataset set version = ?, content_hash = ?, document = ?::jsonb, created_at = ?, updated_at = ?,
                       withdrawn = ?, merged_into = ?, provenance = ?::jsonb, quality_score = ?, quality_missing = ?,
                       normaliser_version = ?
                 where id = ?""");
    }

    /** Inserts history entries, one batch (after their datasets: a version references its dataset). */
    public void insertVersions(Collection<DatasetVersion> versions) {
        jdbc.batch("""
                insert into dataset_version (dataset_id, version, changed_at, source_key, run_id, content_hash,
                                             changed_fields, withdrawn, document)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb)""", versions, (insert, v) -> {
                    insert.setString(1, v.datasetId);
                    insert.setInt(2, v.version);
                    setInstant(insert, 3, v.changedAt);
                    insert.setString(4, v.sourceKey);
                    insert.setString(5, v.runId);
                    insert.setString(6, v.contentHash);
                    setTexts(insert, 7, v.changedFields);
                    insert.setBoolean(8, v.withdrawn);
                    insert.setString(9, v.document);
                });
    }

    /** The columns in the order of {@link #insert} and {@link #update}: every one but the id, then the id. */
    private void write(Collection<Dataset> datasets, String sql) {
        jdbc.batch(sql, datasets, (statement, d) -> {
            statement.setInt(1, d.version);
            statement.setString(2, d.contentHash);
            statement.setString(3, d.document);
            setInstant(statement, 4, d.createdAt);
            setInstant(statement, 5, d.updatedAt);
            statement.setBoolean(6, d.withdrawn);
            statement.setString(7, d.mergedInto);
            statement.setString(8, d.provenance);
            if (d.qualityScore == null) {
                statement.setNull(9, Types.INTEGER);
            } else {
                statement.setInt(9, d.qualityScore);
            }
            setTexts(statement, 10, d.qualityMissing);
            statement.setInt(11, d.normaliserVersion);
            statement.setString(12, d.id);
        });
    }
}
