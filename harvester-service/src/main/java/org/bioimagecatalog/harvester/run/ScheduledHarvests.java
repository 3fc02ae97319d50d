package org.bioimagecatalog.harvester.run;

import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import io.quarkus.scheduler.Scheduler;
import io.quarkus.scheduler.Trigger;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.Optional;
import org.bioimagecatalog.harvester.HarvesterConfig;
import org.jboss.logging.Logger;

/**
 * Scheduled harvests. A source with {@code bic.harvester.sources.<name>.schedule} (a cron expression) and a location
 * is harvested on that cron; when {@code bic.harvester.schedule.enabled=true}, every other source with a location
 * is harvested every {@code bic.harvester.schedule.every}. Each replica fires; the source lock lets only one run.
 */
@ApplicationScoped
public class ScheduledHarvests {
    private static final Logger LOG = Logger.getLogger(ScheduledHarvests.class);
    private static final String JOB_PREFIX = "harvest-source-";

    @Inject
    HarvesterConfig config;

    @Inject
    HarvestSources sources;

    @Inject
    HarvestRunService runs;

    @Inject
    Scheduler scheduler;

    /** Registers one cron job per source that has a schedule; a malformed cron stops the start-up with its key. */
    void scheduleSources(@Observes StartupEvent startup) {
        for (HarvestSource source : sources.all()) {
            Optional<String> cron = cron(source.name());
            if (cron.isEmpty()) {
                continue;
            }
            if (source.location().isEmpty()) {
                LOG.warnf("source %s has a schedule (%s) but no location: it is not scheduled", source.name(), cron.get());
                continue;
            }
            try {
                scheduler.newJob(JOB_PREFIX + source.name()).setCron(cron.get())
                        .setConcurrentExecution(Scheduled.ConcurrentExecution.SKIP)
                        .setTask(execution -> startScheduled(source))
                        .schedule();
            } catch (RuntimeException e) {
                throw new IllegalStateException("bic.harvester.sources." + source.name() + ".schedule=" + cron.get()
                        + " is not a valid cron expression (Quartz syntax with seconds, e.g. '0 0 3 * * ?'): "
                        + e.getMessage(), e);
            }
            LOG.infof("source %s harvested on cron '%s'", source.name(), cron.get());
        }
    }

    @Scheduled(identity = "harvest-configured-sources", every = "${bic.harvester.schedule.every:24h}",
            delayed = "${bic.harvester.schedule.initial-delay:1m}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void harvestConfiguredSources() {
        if (!config.schedule().enabled()) {
            return;
        }
        for (HarvestSource source : sources.all()) {
            if (source.location().isPresent() && cron(source.name()).isEmpty()) {
                startScheduled(source);
            }
        }
    }

    /** How the source is scheduled, e.g. {@code cron 0 0 3 * * ?} or {@code every 24h}; empty = manual runs only. */
    public Optional<String> describe(HarvestSource source) {
        if (source.location().isEmpty()) {
            return Optional.empty();
        }
        Optional<String> cron = cron(source.name());
        if (cron.isPresent()) {
            return Optional.of("cron " + cron.get());
        }
        return config.schedule().enabled()
                ? Optional.of("every " + config.schedule().every().toString().substring(2).toLowerCase())
                : Optional.empty();
    }

    /** When the source's own cron fires next, if it has one. */
    public Optional<Instant> nextRun(HarvestSource source) {
        return Optional.ofNullable(scheduler.getScheduledJob(JOB_PREFIX + source.name())).map(Trigger::getNextFireTime);
    }

    private void startScheduled(HarvestSource source) {
        try {
            HarvestRun run = runs.start(source.name(), null, false);
            LOG.infof("scheduled run %s source %s started", run.id(), source.name());
        } catch (RunInProgressException e) {
            LOG.infof("scheduled harvest of source %s skipped: %s", source.name(), e.getMessage());
        } catch (HarvestRequestException e) {
            LOG.warnf("scheduled harvest of source %s not started: %s", source.name(), e.getMessage());
        }
    }

    private Optional<String> cron(String source) {
        HarvesterConfig.Source configured = config.sources().get(source);
        return configured == null ? Optional.empty()
                : configured.schedule().map(String::strip).filter(c -> !c.isEmpty());
    }
}
