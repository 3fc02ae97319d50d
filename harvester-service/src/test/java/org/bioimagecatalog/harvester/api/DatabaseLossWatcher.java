package org.bioimagecatalog.harvester.api;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.bioimagecatalog.harvester.run.HarvestExecutor;

/**
 * Waits for the harvester's own word that a run lost PostgreSQL (its warning "stopped, PostgreSQL is unreachable"),
 * so that a test can keep the database down exactly until the run has met the outage.
 */
final class DatabaseLossWatcher extends Handler implements AutoCloseable {
    private static final String NOTICE = "stopped, PostgreSQL is unreachable";

    private final Logger logger = Logger.getLogger(HarvestExecutor.class.getName());
    private final CountDownLatch noticed = new CountDownLatch(1);

    static DatabaseLossWatcher watch() {
        DatabaseLossWatcher watcher = new DatabaseLossWatcher();
        watcher.logger.addHandler(watcher);
        return watcher;
    }

    boolean await(Duration timeout) throws InterruptedException {
        return noticed.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public void publish(LogRecord record) {
        if (record.getMessage() != null && record.getMessage().contains(NOTICE)) {
            noticed.countDown();
        }
    }

    @Override
    public void flush() {
    }

    @Override
    public void close() {
        logger.removeHandler(this);
    }
}
