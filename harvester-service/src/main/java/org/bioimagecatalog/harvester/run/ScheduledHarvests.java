package org.bioimagecatalog.harvester.run;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.bioimagecatalog.harvester.HarvesterConfig;
import org.jboss.logging.Logger;

/**
 * Harvests every source that has a configured location, every {@code bic.harvester.schedule.every}, when
 * {@code bic.harvester.schedule.enabled=true}. Each replica fires; the source lock lets only one of them run.
 */
@ApplicationScoped
public class ScheduledHarvests {
    private static final Logger LOG = Logger.getLogger(ScheduledHarvests.class);

    @Inject
    HarvesterConfig config;

    @Inject
    HarvestSources sources;

    @Inject
    HarvestRunService runs;

    @Scheduled(identity = "harvest-configured-sources", every = "${bic.harvester.schedule.every:24h}",
            delayed = "${bic.harvester.schedule.initial-delay:1m}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void harvestConfiguredSources() {
        if (!config.schedule().enabled()) {
            return;
        }
        for (HarvestSource source : sources.all()) {
            if (source.location().isEmpty()) {
                continue;
            }
            try {
                HarvestRun run = runs.start(source.name(), null, false);
                LOG.infof("scheduled run %s source %s started", run.id(), source.name());
            } catch (RunInProgressException e) {
                LOG.infof("scheduled harvest of source %s skipped: %s", source.name(), e.getMessage());
            } catch (HarvestRequestException e) {
                LOG.warnf("scheduled harvest of source %s not started: %s", source.name(), e.getMessage());
            }
        }
    }
}
