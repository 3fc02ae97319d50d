package org.bioimagecatalog.catalog.dataset;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.opentelemetry.api.trace.Span;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.bioimagecatalog.model.events.HarvestedRecord;
import org.bioimagecatalog.tracing.MessagingTracing;
import org.bioimagecatalog.tracing.TraceAttributes;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

/**
 * Consumes records.harvested.v1 a poll at a time: every record of the poll is applied in one transaction, and the
 * offsets are committed after it (one commit per poll, not per record, is what makes a large harvest fast). A
 * message that can never be applied goes to the DLQ and the partition moves on; any other failure (the database
 * being away) rolls the whole poll back and fails the channel, so its records are retried after a restart rather
 * than skipped. Applying is idempotent, so records of a rolled-back poll that are applied again change nothing twice.
 * Each record is applied in its own {@code process} span that continues the harvester's trace; the outbox rows it
 * writes keep that span's context.
 */
@ApplicationScoped
public class HarvestedRecordConsumer {
    private static final Logger LOG = Logger.getLogger(HarvestedRecordConsumer.class);

    private final HarvestedRecordParser parser;
    private final DatasetUpsertService upserts;
    private final DatasetRejections rejections;
    private final MessagingTracing tracing;
    private final EntityManager em;
    private final Map<IngestResult.Outcome, Counter> outcomes = new EnumMap<>(IngestResult.Outcome.class);

    @Inject
    public HarvestedRecordConsumer(HarvestedRecordParser parser, DatasetUpsertService upserts,
            DatasetRejections rejections, MessagingTracing tracing, EntityManager em, MeterRegistry registry) {
        this.parser = parser;
        this.upserts = upserts;
        this.rejections = rejections;
        this.tracing = tracing;
        this.em = em;
        for (IngestResult.Outcome outcome : IngestResult.Outcome.values()) {
            outcomes.put(outcome, Counter.builder("bic.catalog.records")
                    .description("Harvested records consumed, by what applying them did")
                    .tag("outcome", outcome.name().toLowerCase(Locale.ROOT))
                    .register(registry));
        }
    }

    @Incoming("harvested")
    @Blocking
    @Transactional
    public void consume(ConsumerRecords<String, String> poll) {
        for (ConsumerRecord<String, String> message : poll) {
            tracing.inProcessSpan(message, () -> consume(message));
            // written and forgotten: the persistence context stays one record small however large the poll
            em.flush();
            em.clear();
        }
    }

    private void consume(ConsumerRecord<String, String> message) {
        String location = message.topic() + "-" + message.partition() + "@" + message.offset();
        HarvestedRecord record;
        try {
            record = parser.parse(message.key(), message.value());
        } catch (RejectedRecordException e) {
            rejections.reject(message.key(), location, message.value(), e);
            outcomes.get(IngestResult.Outcome.REJECTED).increment();
            LOG.warnf("record %s at %s rejected to the DLQ (run %s): %s", message.key(), location, e.runId(),
                    e.reason());
            return;
        }
        Span.current().setAttribute(TraceAttributes.RECORD_KEY, record.key())
                .setAttribute(TraceAttributes.RUN_ID, String.valueOf(record.runId()));
        IngestResult result = upserts.apply(record);
        Span.current().setAttribute(TraceAttributes.DATASET_ID, String.valueOf(result.datasetId()))
                .setAttribute("bic.catalog.outcome", result.outcome().name().toLowerCase(Locale.ROOT));
        outcomes.get(result.outcome()).increment();
        if (result.outcome() == IngestResult.Outcome.UNCHANGED) {
            LOG.debugf("record %s (run %s) unchanged, dataset %s", record.key(), record.runId(), result.datasetId());
        } else {
            LOG.infof("record %s (run %s) %s dataset %s v%d, fields %s", record.key(), record.runId(),
                    result.outcome().name().toLowerCase(Locale.ROOT), result.datasetId(), result.version(),
                    result.changedFields());
        }
    }
}
