package org.bioimagecatalog.catalog.ingest;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.bioimagecatalog.http.EngineUnavailable;
import org.bioimagecatalog.model.ModelJson;
import org.bioimagecatalog.model.events.HarvestedRecord;
import org.bioimagecatalog.tracing.MessagingTracing;
import org.bioimagecatalog.tracing.TraceAttributes;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

/**
 * Consumes records.harvested.v1 a poll at a time: every record of the poll is applied in one transaction, and the
 * offsets are committed after it (one commit per poll, not per record, is what makes a large harvest fast). A
 * message that can never be parsed goes to the DLQ and the partition moves on. When applying fails, the poll is
 * rolled back: if an engine is away (PostgreSQL, Kafka) the channel fails, so its records are retried after a
 * restart rather than skipped; for any other reason the poll is applied again one record per transaction and the
 * record that fails alone goes to the DLQ with the reason (a record that always fails must not stop the channel
 * for good). Applying is idempotent, so records of a rolled-back poll that are applied again change nothing twice.
 * The records that parse are applied together by the {@link PollApplier} (set-based reads, batched writes, one
 * re-merge per poll). Each record still has its own {@code process} span that continues the harvester's trace; the
 * outbox rows it causes keep that span's context.
 */
@ApplicationScoped
public class HarvestedRecordConsumer {
    private static final Logger LOG = Logger.getLogger(HarvestedRecordConsumer.class);
    static final int MAX_DEAD_LETTER_KEY = 256;

    private final HarvestedRecordParser parser;
    private final PollApplier applier;
    private final DatasetRejections rejections;
    private final MessagingTracing tracing;
    private final IngestTableStatistics statistics;
    private final Map<IngestResult.Outcome, Counter> outcomes = new EnumMap<>(IngestResult.Outcome.class);

    @Inject
    public HarvestedRecordConsumer(HarvestedRecordParser parser, PollApplier applier, DatasetRejections rejections,
            MessagingTracing tracing, IngestTableStatistics statistics, MeterRegistry registry) {
        this.parser = parser;
        this.applier = applier;
        this.rejections = rejections;
        this.tracing = tracing;
        this.statistics = statistics;
        for (IngestResult.Outcome outcome : IngestResult.Outcome.values()) {
            outcomes.put(outcome, Counter.builder("bic.catalog.records")
                    .description("Harvested records consumed, by what applying them did")
                    .tag("outcome", outcome.name().toLowerCase(Locale.ROOT))
                    .register(registry));
        }
    }

    @Incoming("harvested")
    @Blocking
    public void consume(ConsumerRecords<String, String> poll) {
        int written;
        try {
            written = QuarkusTransaction.requiringNew().call(() -> applyTogether(poll));
        } catch (RuntimeException e) {
            if (EngineUnavailable.engine(e).isPresent()) {
                throw e;
            }
            LOG.warnf("a record of a poll of %d cannot be applied (%s): applying them one at a time", poll.count(),
                    e.getMessage());
            poll.forEach(this::applyAloneOrReject);
            return;
        }
        statistics.written(written);
    }

    private void applyAloneOrReject(ConsumerRecord<String, String> message) {
        try {
            QuarkusTransaction.requiringNew().run(() -> applyTogether(List.of(message)));
        } catch (RuntimeException e) {
            if (EngineUnavailable.engine(e).isPresent()) {
                throw e;
            }
            String location = message.topic() + "-" + message.partition() + "@" + message.offset();
            RejectedRecordException rejected = new RejectedRecordException("cannot be applied: " + rootCause(e), null);
            QuarkusTransaction.requiringNew().run(() -> rejections.reject(deadLetterKey(message.key()), location,
                    message.value(), rejected));
            outcomes.get(IngestResult.Outcome.REJECTED).increment();
            LOG.errorf(e, "record %s at %s cannot be applied: sent to the DLQ", message.key(), location);
        }
    }

    /**
     * The DLQ key of a record that failed: its own key, unless that is so long that it may be why it failed (an
     * index entry has a size limit): then its start and a digest of the whole.
     */
    public static String deadLetterKey(String key) {
        if (key == null || key.length() <= MAX_DEAD_LETTER_KEY) {
            return key;
        }
        return key.substring(0, MAX_DEAD_LETTER_KEY - 20) + "…" + ModelJson.contentHash(key).substring(0, 16);
    }

    /** The innermost cause's kind and message: what a steward needs (e.g. PostgreSQL's refusal), not the wrappers. */
    private static String rootCause(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + (root.getMessage() == null ? "" : ": " + root.getMessage());
    }

    /**
     * Parses and applies the messages in the current transaction, each in its own process span; returns how many
     * records wrote something (all but the unchanged and the rejected).
     */
    private int applyTogether(Iterable<ConsumerRecord<String, String>> poll) {
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
            Map<IngestResult.Outcome, Integer> counts = new EnumMap<>(IngestResult.Outcome.class);
            for (int i = 0; i < results.size(); i++) {
                try (Scope scope = arrivalSpans.get(i).makeCurrent()) {
                    applied(arrivals.get(i).record(), results.get(i));
                }
                counts.merge(results.get(i).outcome(), 1, Integer::sum);
            }
            logPoll(spans.size(), counts);
            return results.size() - counts.getOrDefault(IngestResult.Outcome.UNCHANGED, 0);
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
        // per record at DEBUG only: at INFO a line per record costs more than applying an unchanged one
        if (LOG.isDebugEnabled()) {
            LOG.debugf("record %s (run %s) %s dataset %s v%d, fields %s", record.key(), record.runId(),
                    result.outcome().name().toLowerCase(Locale.ROOT), result.datasetId(), result.version(),
                    result.changedFields());
        }
    }

    /** One line per poll: what its records did (the DLQ's rejections are logged one by one, as warnings). */
    private static void logPoll(int messages, Map<IngestResult.Outcome, Integer> counts) {
        if (counts.keySet().stream().allMatch(o -> o == IngestResult.Outcome.UNCHANGED)) {
            LOG.debugf("poll of %d messages applied: %s", messages, counts);
        } else {
            LOG.infof("poll of %d messages applied: %s", messages, counts);
        }
    }
}
