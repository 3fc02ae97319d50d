package org.bioimagecatalog.reuse.dataset;

import io.micrometer.core.instrument.MeterRegistry;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.context.Context;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.bioimagecatalog.http.EngineUnavailable;
import org.bioimagecatalog.model.events.DatasetChanged;
import org.bioimagecatalog.reuse.ConcurrentWrites;
import org.bioimagecatalog.reuse.ReuseConfig;
import org.bioimagecatalog.reuse.summary.ReuseSummaryPublisher;
import org.bioimagecatalog.tracing.MessagingTracing;
import org.bioimagecatalog.tracing.TraceAttributes;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

/**
 * Consumes {@code datasets.v1} a poll at a time: every event of the poll is applied in order in one transaction
 * (as the catalog ingests records.harvested.v1), and the offsets are committed after it. Nothing stops the
 * channel but the database being away. Nothing is skipped silently: an unreadable record
 * ({@code bic_reuse_dataset_events_total{outcome="rejected"}}) goes to the dead-letter topic with the reason
 * ({@link DatasetDeadLetters}); when the poll's transaction fails for any other reason, its events are applied
 * again one transaction each, so that only the event that cannot be applied, write conflicts after the last retry
 * included, is counted as {@code failed} and dead-lettered, and the others of its poll are kept. Each event is applied in a
 * {@code process} span that continues the catalog's trace; the reuse summaries the poll made stale are published
 * together after the commit ({@link ReuseSummaryPublisher#publishStale}), each in the context of the span of the
 * event that made it stale.
 */
@ApplicationScoped
public class DatasetsConsumer {
    private static final Logger LOG = Logger.getLogger(DatasetsConsumer.class);

    private final TrackedDatasetService datasets;
    private final ReuseSummaryPublisher summaries;
    private final ReuseConfig config;
    private final MeterRegistry meters;
    private final MessagingTracing tracing;
    private final EntityManager em;
    private final DatasetDeadLetters deadLetters;
    private final TrackedTableStatistics statistics;

    /** A readable record of the poll: its event, or null for a tombstone (a withdrawal). */
    private record Change(ConsumerRecord<String, String> record, DatasetChanged event) {
        String at() {
            return record.topic() + "/" + record.partition() + "@" + record.offset();
        }
    }

    public DatasetsConsumer(TrackedDatasetService datasets, ReuseSummaryPublisher summaries, ReuseConfig config,
            MeterRegistry meters, MessagingTracing tracing, EntityManager em, DatasetDeadLetters deadLetters,
            TrackedTableStatistics statistics) {
        this.datasets = datasets;
        this.summaries = summaries;
        this.config = config;
        this.meters = meters;
        this.tracing = tracing;
        this.em = em;
        this.deadLetters = deadLetters;
        this.statistics = statistics;
    }

    @Incoming("datasets")
    @Blocking
    public void consume(ConsumerRecords<String, String> poll) {
        List<Change> changes = new ArrayList<>();
        for (ConsumerRecord<String, String> record : poll) {
            readable(record, changes);
        }
        if (changes.isEmpty()) {
            return;
        }
        // dataset id -> the context of the event that made its summary stale; published once the events are stored
        Map<String, Context> stale = new LinkedHashMap<>();
        try {
            applyTogetherWithRetry(changes, stale);
        } catch (RuntimeException e) {
            if (EngineUnavailable.isDatabase(e)) {
                // the channel stops (failure-strategy=fail, the service reports itself not live) and the poll is
                // read again after the restart: skipping it would lose the datasets' links for good
                LOG.errorf("%s: %d dataset events not applied, the database is away: %s", changes.get(0).at(),
                        changes.size(), e.getMessage());
                throw e;
            }
            LOG.warnf("%s: the poll's %d dataset events could not be applied together (%s); applying them one by one",
                    changes.get(0).at(), changes.size(), e.getMessage());
            stale.clear();
            changes.forEach(change -> applyAlone(change, stale));
        }
        publishSummaries(stale);
        statistics.applied(changes.size());
    }

    private void readable(ConsumerRecord<String, String> record, List<Change> changes) {
        if (record.value() == null) {
            if (record.key() == null) {
                count("rejected");
                deadLetters.send(record, "tombstone without a key");
                return;
            }
            changes.add(new Change(record, null));
            return;
        }
        try {
            changes.add(new Change(record, DatasetEventParser.parse(record.key(), record.value())));
        } catch (UnreadableDatasetEvent e) {
            count("rejected");
            deadLetters.send(record, "unreadable dataset event: " + e.getMessage());
        }
    }

    /** The whole poll in one transaction, tried again from its start when another writer got in the way. */
    private void applyTogetherWithRetry(List<Change> changes, Map<String, Context> stale) {
        for (int attempt = 1; ; attempt++) {
            Map<String, Context> staleOfAttempt = new LinkedHashMap<>();
            List<String> outcomes = new ArrayList<>();
            try {
                QuarkusTransaction.requiringNew()
                        .timeout((int) config.pollTransactionTimeout().toSeconds()).run(() -> {
                    for (Change change : changes) {
                        outcomes.add(apply(change, staleOfAttempt));
                        // written and forgotten: the persistence context stays one event small however large the poll
                        em.flush();
                        em.clear();
                    }
                });
            } catch (RuntimeException e) {
                if (attempt >= config.maxAttempts() || !ConcurrentWrites.isConcurrentWrite(e)) {
                    throw e;
                }
                LOG.infof("%s: concurrent write on attempt %d of %d, applying the poll again", changes.get(0).at(),
                        attempt, config.maxAttempts());
                continue;
            }
            outcomes.forEach(this::count);
            stale.putAll(staleOfAttempt);
            return;
        }
    }

    /** One event in a transaction of its own: the failure path of a poll that could not be applied together. */
    private void applyAlone(Change change, Map<String, Context> stale) {
        for (int attempt = 1; ; attempt++) {
            Map<String, Context> staleOfEvent = new LinkedHashMap<>();
            try {
                String outcome = QuarkusTransaction.requiringNew().call(() -> apply(change, staleOfEvent));
                count(outcome);
                stale.putAll(staleOfEvent);
                return;
            } catch (RuntimeException e) {
                if (EngineUnavailable.isDatabase(e)) {
                    LOG.errorf("%s: dataset event not applied, the database is away: %s", change.at(), e.getMessage());
                    throw e;
                }
                if (attempt < config.maxAttempts() && ConcurrentWrites.isConcurrentWrite(e)) {
                    LOG.infof("%s: concurrent write on attempt %d of %d, trying again", change.at(), attempt,
                            config.maxAttempts());
                    continue;
                }
                LOG.errorf(e, "%s: dataset %s could not be applied", change.at(), change.record().key());
                count("failed");
                deadLetters.send(change.record(), "dataset " + change.record().key() + " could not be applied: "
                        + describe(e));
                return;
            }
        }
    }

    /** Applies one change in the current transaction, in its record's process span; returns the outcome to count. */
    private String apply(Change change, Map<String, Context> stale) {
        String[] outcome = new String[1];
        tracing.inProcessSpan(change.record(), () -> {
            Span.current().setAttribute(TraceAttributes.DATASET_ID, change.record().key());
            if (change.event() == null) {
                outcome[0] = datasets.withdraw(change.record().key()) ? "withdrawn" : "withdrawn-unknown";
                return;
            }
            Context context = Context.current();
            datasets.apply(change.event()).forEach(datasetId -> stale.put(datasetId, context));
            outcome[0] = "applied";
            LOG.debugf("%s: dataset %s version %d applied", change.at(), change.event().datasetId(),
                    change.event().version());
        });
        return outcome[0];
    }

    /** The poll's stale summaries, together, each in the trace of the event that made it stale. */
    private void publishSummaries(Map<String, Context> stale) {
        try {
            summaries.publishStale(stale);
        } catch (RuntimeException e) {
            // the datasets stay marked stale: ReuseSummarySweep publishes them later
            LOG.warnf("%d reuse summaries not published now (%s); the sweep will retry", stale.size(), e.getMessage());
        }
    }

    /** The failure's class and message, and its root cause's: what a steward needs to see in the dead letter. */
    static String describe(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String top = e.getClass().getSimpleName() + ": " + e.getMessage();
        return root == e ? top : top + " (cause " + root.getClass().getSimpleName() + ": " + root.getMessage() + ")";
    }

    private void count(String outcome) {
        meters.counter("bic.reuse.dataset.events", "outcome", outcome).increment();
    }
}
