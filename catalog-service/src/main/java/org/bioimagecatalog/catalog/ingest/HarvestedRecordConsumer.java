package org.bioimagecatalog.catalog.ingest;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
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
 * The records that parse are applied together by the {@link PollApplier} (set-based reads, batched writes, one
 * re-merge per poll). Each record still has its own {@code process} span that continues the harvester's trace; the
 * outbox rows it causes keep that span's context.
 */
@ApplicationScoped
public class HarvestedRecordConsumer {
    private static final Logger LOG = Logger.getLogger(HarvestedRecordConsumer.class);

    private final HarvestedRecordParser parser;
    private final PollApplier applier;
    private final DatasetRejections rejections;
    private final MessagingTracing tracing;
    private final Map<IngestResult.Outcome, Counter> outcomes = new EnumMap<>(IngestResult.Outcome.class);

    @Inject
    public HarvestedRecordConsumer(HarvestedRecordParser parser, PollApplier applier, DatasetRejections rejections,
            MessagingTracing tracing, MeterRegistry registry) {
        this.parser = parser;
        this.applier = applier;
        this.rejections = rejections;
        this.tracing = tracing;
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
        List<Span> spans = new ArrayList<>();
        List<PollApplier.Arrival> arrivals = new ArrayList<>();
        List<Span> arrivalSpans = new ArrayList<>();
        try {
            for (ConsumerRecord<String, String> message : poll) {
                Span span = tracing.startProcess(message);
                spans.add(span);
                try (Scope scope = span.makeCurrent()) {
                    HarvestedRecord record = parse(message);
                    if (record != null) {
                        arrivals.add(new PollApplier.Arrival(record, tracing.capture(Context.current())));
                        arrivalSpans.add(span);
                    }
                }
            }
            List<IngestResult> results = applier.apply(arrivals);
            for (int i = 0; i < results.size(); i++) {
                try (Scope scope = arrivalSpans.get(i).makeCurrent()) {
                    applied(arrivals.get(i).record(), results.get(i));
                }
            }
        } catch (RuntimeException | Error e) {
            // the whole poll is rolled back: every record's span says so
            spans.forEach(span -> MessagingTracing.failed(span, e));
            throw e;
        } finally {
            spans.forEach(Span::end);
        }
    }

    /** The record, or null when it went to the DLQ. */
    private HarvestedRecord parse(ConsumerRecord<String, String> message) {
        String location = message.topic() + "-" + message.partition() + "@" + message.offset();
        HarvestedRecord record;
        try {
            record = parser.parse(message.key(), message.value());
        } catch (RejectedRecordException e) {
            rejections.reject(message.key(), location, message.value(), e);
            outcomes.get(IngestResult.Outcome.REJECTED).increment();
            LOG.warnf("record %s at %s rejected to the DLQ (run %s): %s", message.key(), location, e.runId(),
                    e.reason());
            return null;
        }
        Span.current().setAttribute(TraceAttributes.RECORD_KEY, record.key())
                .setAttribute(TraceAttributes.RUN_ID, String.valueOf(record.runId()));
        return record;
    }

    private void applied(HarvestedRecord record, IngestResult result) {
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
