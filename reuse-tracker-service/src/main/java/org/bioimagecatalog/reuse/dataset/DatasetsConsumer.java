package org.bioimagecatalog.reuse.dataset;

import io.micrometer.core.instrument.MeterRegistry;
import io.opentelemetry.api.trace.Span;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Set;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.bioimagecatalog.http.EngineUnavailable;
import org.bioimagecatalog.model.events.DatasetChanged;
import org.bioimagecatalog.reuse.ConcurrentWrites;
import org.bioimagecatalog.reuse.ReuseConfig;
import org.bioimagecatalog.reuse.summary.ReuseSummaryPublisher;
import org.bioimagecatalog.tracing.TraceAttributes;
import org.bioimagecatalog.tracing.TracedConsumer;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

/**
 * Consumes {@code datasets.v1}. Records are handled one at a time, in order. One that cannot be applied is never
 * skipped silently: an unreadable one ({@code bic_reuse_dataset_events_total{outcome="rejected"}}) and one that
 * fails for another reason than the database being away, write conflicts after the last retry included
 * ({@code outcome="failed"}), go to the dead-letter topic with the reason ({@link DatasetDeadLetters}) and the
 * consumer goes on. The database being away stops the channel instead (the record is read again later). Each record is handled in a {@code process}
 * span that continues the catalog's trace; the reuse summaries it publishes continue it too.
 */
@ApplicationScoped
public class DatasetsConsumer {
    private static final Logger LOG = Logger.getLogger(DatasetsConsumer.class);

    private final TrackedDatasetService datasets;
    private final ReuseSummaryPublisher summaries;
    private final ReuseConfig config;
    private final MeterRegistry meters;
    private final DatasetDeadLetters deadLetters;

    public DatasetsConsumer(TrackedDatasetService datasets, ReuseSummaryPublisher summaries, ReuseConfig config,
            MeterRegistry meters, DatasetDeadLetters deadLetters) {
        this.datasets = datasets;
        this.summaries = summaries;
        this.config = config;
        this.meters = meters;
        this.deadLetters = deadLetters;
    }

    @Incoming("datasets")
    @Blocking
    @TracedConsumer
    public void consume(ConsumerRecord<String, String> record) {
        String at = record.topic() + "/" + record.partition() + "@" + record.offset();
        if (record.key() != null) {
            Span.current().setAttribute(TraceAttributes.DATASET_ID, record.key());
        }
        if (record.value() == null) {
            withdraw(record);
            return;
        }
        DatasetChanged event;
        try {
            event = DatasetEventParser.parse(record.key(), record.value());
        } catch (UnreadableDatasetEvent e) {
            count("rejected");
            deadLetters.send(record, "unreadable dataset event: " + e.getMessage());
            return;
        }
        Set<String> stale;
        try {
            stale = applyWithRetry(event);
        } catch (RuntimeException e) {
            if (EngineUnavailable.isDatabase(e)) {
                // the channel stops (failure-strategy=fail, the service reports itself not live) and this
                // record is read again after the restart: skipping it would lose the dataset's links for good
                LOG.errorf("%s: dataset %s version %d not applied, the database is away: %s", at, event.datasetId(),
                        event.version(), e.getMessage());
                throw e;
            }
            LOG.errorf(e, "%s: dataset %s version %d could not be applied", at, event.datasetId(), event.version());
            count("failed");
            deadLetters.send(record, "dataset " + event.datasetId() + " version " + event.version()
                    + " could not be applied: " + describe(e));
            return;
        }
        count("applied");
        LOG.debugf("%s: dataset %s version %d applied", at, event.datasetId(), event.version());
        stale.forEach(this::publishSummary);
    }

    private void withdraw(ConsumerRecord<String, String> record) {
        String datasetId = record.key();
        if (datasetId == null) {
            count("rejected");
            deadLetters.send(record, "tombstone without a key");
            return;
        }
        boolean known = datasets.withdraw(datasetId);
        count(known ? "withdrawn" : "withdrawn-unknown");
    }

    private Set<String> applyWithRetry(DatasetChanged event) {
        for (int attempt = 1; ; attempt++) {
            try {
                return datasets.apply(event);
            } catch (RuntimeException e) {
                if (attempt >= config.maxAttempts() || !ConcurrentWrites.isConcurrentWrite(e)) {
                    throw e;
                }
                LOG.infof("dataset %s: concurrent write on attempt %d of %d, trying again", event.datasetId(),
                        attempt, config.maxAttempts());
            }
        }
    }

    private void publishSummary(String datasetId) {
        try {
            summaries.publishIfStale(datasetId);
        } catch (RuntimeException e) {
            // the dataset stays marked stale: ReuseSummarySweep publishes it later
            LOG.warnf("dataset %s: reuse summary not published now (%s); the sweep will retry", datasetId,
                    e.getMessage());
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
