package org.bioimagecatalog.catalog.dataset;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.opentelemetry.api.trace.Span;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.bioimagecatalog.model.events.HarvestedRecord;
import org.bioimagecatalog.tracing.TraceAttributes;
import org.bioimagecatalog.tracing.TracedConsumer;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

/**
 * Consumes records.harvested.v1 one message at a time (the offset is committed after the transaction).
 * A message that can never be applied goes to the DLQ and the partition moves on; any other failure (the
 * database being away) fails the channel, so the record is retried after a restart rather than skipped.
 * Each record is applied in a {@code process} span that continues the harvester's trace; the outbox rows its
 * transaction writes keep that span's context.
 */
@ApplicationScoped
public class HarvestedRecordConsumer {
    private static final Logger LOG = Logger.getLogger(HarvestedRecordConsumer.class);

    private final HarvestedRecordParser parser;
    private final DatasetUpsertService upserts;
    private final DatasetRejections rejections;
    private final Map<IngestResult.Outcome, Counter> outcomes = new EnumMap<>(IngestResult.Outcome.class);

    @Inject
    public HarvestedRecordConsumer(HarvestedRecordParser parser, DatasetUpsertService upserts,
            DatasetRejections rejections, MeterRegistry registry) {
        this.parser = parser;
        this.upserts = upserts;
        this.rejections = rejections;
        for (IngestResult.Outcome outcome : IngestResult.Outcome.values()) {
            outcomes.put(outcome, Counter.builder("bic.catalog.records")
                    .description("Harvested records consumed, by what applying them did")
                    .tag("outcome", outcome.name().toLowerCase(Locale.ROOT))
                    .register(registry));
        }
    }

    @Incoming("harvested")
    @Blocking
    @TracedConsumer
    public void consume(ConsumerRecord<String, String> message) {
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
