package org.bioimagecatalog.catalog.outbox;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Instant;
import org.bioimagecatalog.catalog.CatalogConfig;
import org.jboss.logging.Logger;

/** Deletes published outbox rows older than {@code bic.catalog.outbox.retention}, so the table stays small. */
@ApplicationScoped
public class OutboxCleaner {
    private static final Logger LOG = Logger.getLogger(OutboxCleaner.class);

    @Inject
    CatalogConfig config;

    @Scheduled(every = "1h", delayed = "1m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    @Transactional
    void deletePublished() {
        Instant cutoff = Instant.now().minus(config.outbox().retention());
        long deleted = OutboxEvent.delete("publishedAt < ?1", cutoff);
        if (deleted > 0) {
            LOG.infof("outbox: deleted %d rows published before %s", deleted, cutoff);
        }
    }
}
