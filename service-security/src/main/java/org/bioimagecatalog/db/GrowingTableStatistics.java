package org.bioimagecatalog.db;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import javax.sql.DataSource;
import org.jboss.logging.Logger;

/**
 * Keeps PostgreSQL's statistics of a consumer's tables in step while they grow from empty. Until a table has been
 * analysed the planner has no statistics for its columns and guesses that {@code column = any(?)} with a poll's
 * hundred keys matches half the table: it scans the whole table, once or more per poll, so a first harvest slows
 * down as the tables grow (measured in the catalog: from 0.3 to 19 ms per such statement over 10,000 records; in the
 * reuse tracker, a scan of three tables per poll). Autovacuum analyses a table at most once a minute, and only
 * after it has changed by 10%.
 *
 * <p>So after each committed poll the consumer says how many rows it wrote, and once the rows written since the
 * last analysis reach as many as the tables held then (and at least {@code firstAfter}), the given columns (those
 * the consumer looks rows up by) are analysed: at 1,000, 2,000, 4,000, … rows, about twenty times up to a million,
 * each in the background on a connection of its own (ANALYZE takes no lock that stops writers), never two at once.
 * Analysing only those columns leaves large JSON documents out of the sample; autovacuum's full analyses go on.
 */
public final class GrowingTableStatistics implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(GrowingTableStatistics.class);

    private final String what;
    private final DataSource dataSource;
    private final long firstAfter;
    private final String sizeTable;
    private final List<String> analysed;
    private final ExecutorService worker;

    private long writtenSince;
    /** Rows of {@code sizeTable} when the statistics were taken; -1 until first read. */
    private long rowsAtAnalysis;
    private CompletableFuture<Void> running = CompletableFuture.completedFuture(null);
    private boolean refused;

    /**
     * @param what the tables' name in log lines ("ingest tables")
     * @param firstAfter rows written before the first analysis; 0 never analyses (autovacuum alone)
     * @param rowsAtAnalysis the size at the last analysis, or -1 to read it from {@code sizeTable} at the first poll
     * @param sizeTable the table whose planner row count measures the tables' size
     * @param analysed {@code table (column, …)} entries of the ANALYZE statement
     */
    public GrowingTableStatistics(String what, DataSource dataSource, long firstAfter, long rowsAtAnalysis,
            String sizeTable, List<String> analysed) {
        this.what = what;
        this.dataSource = dataSource;
        this.firstAfter = firstAfter;
        this.rowsAtAnalysis = rowsAtAnalysis;
        this.sizeTable = sizeTable;
        this.analysed = List.copyOf(analysed);
        this.worker = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "analyse " + what);
            t.setDaemon(true);
            return t;
        });
    }

    /**
     * After a committed poll: {@code rows} rows were written. Returns the analysis it started, or a completed stage
     * when none was due. Never throws: the poll is committed, and statistics must not fail its consumer.
     */
    public synchronized CompletableFuture<Void> written(long rows) {
        try {
            return analyseIfDue(rows);
        } catch (RuntimeException e) {
            LOG.warnf("the %s' statistics step failed, tried again after the next poll: %s", what, e);
            return CompletableFuture.completedFuture(null);
        }
    }

    private CompletableFuture<Void> analyseIfDue(long rows) {
        if (rows <= 0 || firstAfter <= 0 || refused) {
            return CompletableFuture.completedFuture(null);
        }
        writtenSince += rows;
        if (rowsAtAnalysis < 0) {
            rowsAtAnalysis = storedRows();
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

    /** Due when the rows written since the last analysis are as many as the tables held then, and enough. */
    public static boolean due(long writtenSince, long rowsAtAnalysis, long firstAfter) {
        return writtenSince >= Math.max(firstAfter, rowsAtAnalysis);
    }

    private void analyse(long written) {
        long started = System.nanoTime();
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            s.execute("analyze " + String.join(", ", analysed));
            long rows = rows(c);
            synchronized (this) {
                rowsAtAnalysis = rows;
            }
            LOG.infof("%s analysed after %d rows written (%s: %d rows, %d ms)", what, written, sizeTable, rows,
                    (System.nanoTime() - started) / 1_000_000);
        } catch (SQLException e) {
            if ("42501".equals(e.getSQLState())) {
                // not the tables' owner: autovacuum alone keeps the statistics
                synchronized (this) {
                    refused = true;
                }
                LOG.warnf("the database user may not analyse the %s (%s); leaving it to autovacuum", what,
                        e.getMessage());
            } else {
                LOG.warnf("analysing the %s failed, tried again after the next poll: %s", what, e.getMessage());
            }
        }
    }

    private long storedRows() {
        try (Connection c = dataSource.getConnection()) {
            return rows(c);
        } catch (SQLException e) {
            LOG.warnf("reading the size of %s failed (%s): analysing after the first %d rows", sizeTable,
                    e.getMessage(), firstAfter);
            return 0;
        }
    }

    /** The planner's row count of the size table: -1 (never analysed) counts as empty. */
    private long rows(Connection c) throws SQLException {
        try (PreparedStatement q = c.prepareStatement("select reltuples::bigint from pg_class where oid = ?::regclass")) {
            q.setString(1, sizeTable);
            try (ResultSet r = q.executeQuery()) {
                return r.next() ? Math.max(0, r.getLong(1)) : 0;
            }
        }
    }

    @Override
    public void close() {
        worker.shutdownNow();
    }
}
