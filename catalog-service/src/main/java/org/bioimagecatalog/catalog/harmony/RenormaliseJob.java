package org.bioimagecatalog.catalog.harmony;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Instant;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicReference;
import org.bioimagecatalog.catalog.CatalogConfig;
import org.bioimagecatalog.catalog.CatalogException;
import org.bioimagecatalog.catalog.merge.CanonicalNormaliser;
import org.jboss.logging.Logger;

/**
 * Brings every live dataset to the current normaliser version in the background, batch after batch
 * ({@link Renormaliser}): at start-up when {@code bic.catalog.renormalise.on-start} is on (readiness does not wait
 * for it), and on request ({@code POST /api/v1/datasets/admin/renormalise}, {@code bin/catalog renormalise}).
 * One run at a time per replica; replicas take turns batch by batch under the merge lock.
 */
@ApplicationScoped
public class RenormaliseJob {
    private static final Logger LOG = Logger.getLogger(RenormaliseJob.class);

    private final Renormaliser renormaliser;
    private final CanonicalNormaliser normaliser;
    private final CatalogConfig config;
    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "bic-renormalise");
        t.setDaemon(true);
        return t;
    });
    private final AtomicReference<RenormaliseStatus> status = new AtomicReference<>();

    public RenormaliseJob(Renormaliser renormaliser, CanonicalNormaliser normaliser, CatalogConfig config) {
        this.renormaliser = renormaliser;
        this.normaliser = normaliser;
        this.config = config;
    }

    void onStart(@Observes StartupEvent event) {
        if (config.renormalise().onStart()) {
            start();
        }
    }

    void onStop(@Observes ShutdownEvent event) {
        worker.shutdownNow();
    }

    /** Starts a run unless one is running here; the answer is the state it starts from. */
    public synchronized RenormaliseStatus start() {
        RenormaliseStatus current = status.get();
        if (current != null && current.running()) {
            throw new AlreadyRunningException();
        }
        int version = normaliser.version();
        RenormaliseStatus started = new RenormaliseStatus(true, version, -1, 0, 0, 0, Instant.now(), null, null);
        status.set(started);
        worker.execute(() -> run(started));
        return started;
    }

    public RenormaliseStatus status() {
        RenormaliseStatus current = status.get();
        if (current == null || !current.running()) {
            int version = normaliser.version();
            long pending = renormaliser.pending(version);
            return current == null ? RenormaliseStatus.idle(version, pending)
                    : new RenormaliseStatus(false, current.version(), pending, current.datasets(),
                            current.republished(), current.mergedAway(), current.startedAt(), current.finishedAt(),
                            current.error());
        }
        return current;
    }

    private void run(RenormaliseStatus started) {
        int version = started.version();
        int datasets = 0;
        int republished = 0;
        int mergedAway = 0;
        String error = null;
        try {
            long pending = renormaliser.pending(version);
            if (pending > 0) {
                LOG.infof("re-normalising %d datasets to normaliser version %d", pending, version);
            }
            String after = null;
            while (pending > 0) {
                Renormaliser.Batch batch = renormaliser.next(version, after, config.renormalise().batchSize());
                if (batch.lastId() == null) {
                    break;
                }
                after = batch.lastId();
                datasets += batch.datasets();
                republished += batch.republished();
                mergedAway += batch.mergedAway();
                status.set(new RenormaliseStatus(true, version, -1, datasets, republished, mergedAway,
                        started.startedAt(), null, null));
            }
            if (datasets > 0) {
                LOG.infof("re-normalised %d datasets to version %d: %d re-published, %d merged away", datasets, version,
                        republished, mergedAway);
            }
        } catch (RuntimeException e) {
            // the database away at start-up, most likely: the next start or command picks up where this stopped
            error = e.getClass().getSimpleName() + ": " + e.getMessage();
            LOG.warnf(e, "re-normalisation to version %d stopped after %d datasets", version, datasets);
        }
        status.set(new RenormaliseStatus(false, version, -1, datasets, republished, mergedAway, started.startedAt(),
                Instant.now(), error));
    }

    /** 409: one run at a time per replica. */
    public static class AlreadyRunningException extends CatalogException {
        AlreadyRunningException() {
            super(409, "already-running", "Already running", "a re-normalisation is running on this replica; follow it with GET");
        }
    }
}
