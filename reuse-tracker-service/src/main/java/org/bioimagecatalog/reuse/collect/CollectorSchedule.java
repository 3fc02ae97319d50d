package org.bioimagecatalog.reuse.collect;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

/** Runs every collector in turn on {@code bic.reuse.collect.every} ({@code off} in tests); one failing stops none. */
@ApplicationScoped
public class CollectorSchedule {
    private static final Logger LOG = Logger.getLogger(CollectorSchedule.class);

    private final CollectorRuns runs;

    public CollectorSchedule(CollectorRuns runs) {
        this.runs = runs;
    }

    @Scheduled(identity = "reuse-collectors", every = "${bic.reuse.collect.every}", delayed = "30s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void collectAll() {
        for (String name : runs.names()) {
            try {
                runs.run(name);
            } catch (CollectorBusyException e) {
                LOG.infof("collector %s skipped: another replica runs it", name);
            } catch (CollectorFailedException e) {
                // already logged with its reason by CollectorRuns; the next schedule retries from the same checkpoint
            }
        }
    }
}
