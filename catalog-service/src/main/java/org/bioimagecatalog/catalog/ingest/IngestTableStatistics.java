package org.bioimagecatalog.catalog.ingest;

import io.agroal.api.AgroalDataSource;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import org.bioimagecatalog.catalog.CatalogConfig;
import org.jboss.logging.Logger;

/**
 * Keeps PostgreSQL's statistics of the ingest tables in step while a first harvest fills them. Until a table has been
 * analysed the planner has no statistics for its columns and guesses that {@code dataset_id = any(?)} or
 * {@code source_key = any(?)} with a poll's hundred keys matches half the table: it scans the whole table, once
 * or more per poll, so ingest slows down as the catalog grows (measured: from 0.3 to 19 ms per such statement over a
 * 10,000-record first harvest, PostgreSQL's CPU twice that of the same writes on analysed tables). Autovacuum
 * analyses a table only once a minute at most, and only after it has changed by 10%.
 *
 * <p>So after each committed poll the consumer reports how many records it wrote, and once the records written since
 * the last analysis reach as many as the tables held then (and at least {@code bic.catalog.ingest.analyse-first-after}),
 * the columns the ingest and the outbox look rows up by are analysed: at 1,000, 2,000, 4,000, … records, about
 * twenty times up to a million, each in the background on a connection of its own (ANALYZE takes no lock that
 * stops writers), never two at once. Analysing only those columns leaves the large JSON documents out of the
 * sample. Autovacuum's full analyses stay as they are.
 */
@ApplicationScoped
public class IngestTableStatistics {
    private static final Logger LOG = Logger.getLogger(IngestTableStatistics.class);

    /** The tables the ingest path writes and reads back by key, with the columns it looks rows up by. */
    static final List<String> ANALYSED = List.of(
            "source_record (key, dataset_id, source, deleted)",
            "record_match_key (source_key, match_key)",
            "dataset (id, withdrawn, merged_into)",
            "dataset_version (dataset_id, version)",
            "outbox (id, topic, key, published_at)");

    private final AgroalDataSource dataSource;
    private final long firstAfter;
    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "ingest-analyse");
        t.setDaemon(true);
        return t;
    });

    private long writtenSince;
    /** Source records the statistics were taken at; -1 until first read from the catalog. */
    private long rowsAtAnalysis;
    private CompletableFuture<Void> running = CompletableFuture.completedFuture(null);
    private boolean refused;

    @Inject
    public IngestTableStatistics(AgroalDataSource dataSource, CatalogConfig config) {
        this(dataSource, config.ingest().analyseFirstAfter(), -1);
    }

    /** {@code rowsAtAnalysis}: the catalog's size at its last analysis, or -1 to read it at the first poll. */
    IngestTableStatistics(AgroalDataSource dataSource, long firstAfter, long rowsAtAnalysis) {
        this.dataSource = dataSource;
        this.firstAfter = firstAfter;
        this.rowsAtAnalysis = rowsAtAnalysis;
    }

    /**
     * After a committed poll: {@code records} records were written (new or changed). Returns the analysis it started,
     * or a completed stage when none was due.
     */
    public synchronized CompletableFuture<Void> written(long records) {
        if (records <= 0 || firstAfter <= 0 || refused) {
            return CompletableFuture.completedFuture(null);
        }
        writtenSince += records;
        if (rowsAtAnalysis < 0) {
            rowsAtAnalysis = storedRecords();
        }
        if (!due(writtenSince, rowsAtAnalysis, firstAfter) || !running.isDone()) {
            return CompletableFuture.completedFuture(null);
        }
        long written = writtenSince;
        writtenSince = 0;
        try {
            running = CompletableFuture.runAsync(() -> analyse(written), worker);
        } catch (RejectedExecutionException e) {
            // the service is stopping
            return CompletableFuture.completedFuture(null);
        }
        return running;
    }

    /** Due when the records written since the last analysis are as many as the catalog held then, and enough. */
    static boolean due(long writtenSince, long rowsAtAnalysis, long firstAfter) {
        return writtenSince >= Math.max(firstAfter, rowsAtAnalysis);
    }

    private void analyse(long written) {
        long started = System.nanoTime();
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            s.execute("analyze " + String.join(", ", ANALYSED));
            long rows = reltuples(s);
            synchronized (this) {
                rowsAtAnalysis = rows;
            }
            LOG.infof("ingest tables analysed after %d records written (%d source records, %d ms)", written, rows,
                    (System.nanoTime() - started) / 1_000_000);
        } catch (SQLException e) {
            if ("42501".equals(e.getSQLState())) {
                // not the tables' owner: autovacuum alone keeps the statistics
                synchronized (this) {
                    refused = true;
                }
                LOG.warnf("the catalog's database user may not analyse the ingest tables (%s); leaving it to autovacuum",
                        e.getMessage());
            } else {
                LOG.warnf("analysing the ingest tables failed, tried again after the next poll: %s", e.getMessage());
            }
        }
    }

    private long storedRecords() {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            return reltuples(s);
        } catch (SQLException e) {
            LOG.warnf("reading the catalog's size failed (%s): analysing after the first %d records", e.getMessage(),
                    firstAfter);
            return 0;
        }
    }

    /** The planner's row count of source_record: -1 (never analysed) counts as empty. */
    private static long reltuples(Statement s) throws SQLException {
        try (ResultSet r = s.executeQuery("select reltuples::bigint from pg_class where oid = 'source_record'::regclass")) {
            return r.next() ? Math.max(0, r.getLong(1)) : 0;
        }
    }

    @PreDestroy
    void close() {
        worker.shutdownNow();
    }
}
