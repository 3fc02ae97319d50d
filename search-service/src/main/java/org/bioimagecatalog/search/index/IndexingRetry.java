package org.bioimagecatalog.search.index;

import io.quarkus.runtime.ShutdownEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.PersistenceException;
import java.time.Duration;
import java.util.function.Supplier;
import org.bioimagecatalog.search.SearchConfig;
import org.jboss.logging.Logger;

/**
 * Retries work that failed because an engine (Elasticsearch, PostgreSQL) is down or overloaded, with a
 * capped exponential backoff. The consumers stall rather than skip: their offsets are committed only after
 * the batch succeeded, so nothing is lost, and readiness shows the outage meanwhile. On shutdown the wait
 * ends and the uncommitted batch is redelivered to whoever takes the partition next.
 */
@ApplicationScoped
public class IndexingRetry {
    private static final Logger LOG = Logger.getLogger(IndexingRetry.class);
    private static final Duration SLICE = Duration.ofMillis(100);

    private final SearchConfig config;
    private volatile boolean stopping;

    public IndexingRetry(SearchConfig config) {
        this.config = config;
    }

    void onStop(@Observes ShutdownEvent event) {
        stopping = true;
    }

    public <T> T untilDone(String what, Supplier<T> work) {
        Duration backoff = config.indexing().retryInitialBackoff();
        while (true) {
            try {
                return work.get();
            } catch (SearchEngineUnavailableException | PersistenceException e) {
                LOG.warnf("%s failed, retrying in %d ms: %s", what, backoff.toMillis(), e.getMessage());
                pause(backoff);
                backoff = next(backoff);
            }
        }
    }

    public Duration first() {
        return config.indexing().retryInitialBackoff();
    }

    public Duration next(Duration backoff) {
        Duration doubled = backoff.multipliedBy(2);
        Duration max = config.indexing().retryMaxBackoff();
        return doubled.compareTo(max) > 0 ? max : doubled;
    }

    public void pause(Duration backoff) {
        long deadline = System.nanoTime() + backoff.toNanos();
        try {
            while (System.nanoTime() < deadline) {
                if (stopping) {
                    throw new IllegalStateException("shutting down: the batch stays uncommitted and is redelivered");
                }
                Thread.sleep(Math.min(SLICE.toMillis(), Math.max(1, (deadline - System.nanoTime()) / 1_000_000)));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting to retry", e);
        }
    }
}
