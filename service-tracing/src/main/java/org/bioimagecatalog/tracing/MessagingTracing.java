package org.bioimagecatalog.tracing;

import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.common.AttributesBuilder;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanBuilder;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import io.opentelemetry.context.propagation.TextMapPropagator;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * The spans of a record crossing Kafka, after the OpenTelemetry messaging conventions: a {@code send <topic>}
 * producer span whose context travels in the record's headers, a {@code process <topic>} consumer span that
 * continues it on the other side, and for a batch one {@code process <topic>} span linked to the context of
 * every record in it (a batch carries many traces, it belongs to none of them). Also the trace context as a
 * plain map, for a message that waits in a database (the catalog's outbox) before it is sent.
 */
@Singleton
public class MessagingTracing {
    static final String INSTRUMENTATION = "org.bioimagecatalog.messaging";

    private final Tracer tracer;
    private final TextMapPropagator propagator;

    @Inject
    public MessagingTracing(OpenTelemetry openTelemetry) {
        this.tracer = openTelemetry.getTracer(INSTRUMENTATION);
        this.propagator = openTelemetry.getPropagators().getTextMapPropagator();
    }

    /** Records nothing and propagates nothing: for code built outside CDI (unit tests). */
    public static MessagingTracing noop() {
        return new MessagingTracing(OpenTelemetry.noop());
    }

    /** {@link #send(ProducerRecord, Context, Attributes)} as a child of the current context. */
    public <K, V> ProducerRecord<K, V> send(ProducerRecord<K, V> record) {
        return send(record, Context.current(), Attributes.empty());
    }

    /**
     * Starts a producer span for the record, child of {@code parent}, and writes its context into the record's
     * headers. The span ends at once: it marks the hand-over to the Kafka client (as SmallRye's Kafka sink does),
     * so callers that send asynchronously or in batches need no bookkeeping; a failed send is the caller's to
     * report.
     *
     * @return the same record, for {@code producer.send(tracing.send(record, …))}
     */
    public <K, V> ProducerRecord<K, V> send(ProducerRecord<K, V> record, Context parent, Attributes attributes) {
        SpanBuilder builder = tracer.spanBuilder("send " + record.topic())
                .setSpanKind(SpanKind.PRODUCER)
                .setParent(parent)
                .setAllAttributes(messaging(record.topic(), "send", record.key()))
                .setAllAttributes(attributes);
        if (record.partition() != null) {
            builder.setAttribute(TraceAttributes.PARTITION, record.partition().toString());
        }
        Span span = builder.startSpan();
        try {
            KafkaTraceHeaders.inject(propagator, parent.with(span), record.headers());
        } finally {
            span.end();
        }
        return record;
    }

    /** A consumer span for one record, child of the context its headers carry (a new trace if none). */
    public Span startProcess(ConsumerRecord<?, ?> record) {
        return tracer.spanBuilder("process " + record.topic())
                .setSpanKind(SpanKind.CONSUMER)
                .setParent(contextOf(record))
                .setAllAttributes(messaging(record.topic(), "process", record.key()))
                .setAttribute(TraceAttributes.PARTITION, String.valueOf(record.partition()))
                .setAttribute(TraceAttributes.OFFSET, record.offset())
                .startSpan();
    }

    /**
     * Runs {@code work} in a {@link #startProcess} span of its own for one record of a batch: current while it runs
     * (so what it writes and sends belongs to the record's trace), marked failed by what it throws.
     */
    public void inProcessSpan(ConsumerRecord<?, ?> record, Runnable work) {
        Span span = startProcess(record);
        try (Scope scope = span.makeCurrent()) {
            work.run();
        } catch (RuntimeException | Error e) {
            failed(span, e);
            throw e;
        } finally {
            span.end();
        }
    }

    /** Marks a span as ended by {@code failure}. */
    public static void failed(Span span, Throwable failure) {
        span.recordException(failure);
        span.setStatus(StatusCode.ERROR, String.valueOf(failure.getMessage()));
    }

    /**
     * One consumer span for a whole poll: a new trace, linked to the context each record carries (records sent
     * without one add no link). The SDK keeps {@code otel.span.link.count.limit} links (128 unless configured).
     */
    public Span startBatch(ConsumerRecords<?, ?> records) {
        String topic = records.isEmpty() ? "" : records.iterator().next().topic();
        SpanBuilder builder = tracer.spanBuilder(("process " + topic).strip())
                .setSpanKind(SpanKind.CONSUMER)
                .setNoParent()
                .setAllAttributes(messaging(topic, "process", null))
                .setAttribute(TraceAttributes.BATCH_COUNT, (long) records.count());
        for (ConsumerRecord<?, ?> record : records) {
            SpanContext sent = Span.fromContext(contextOf(record)).getSpanContext();
            if (sent.isValid()) {
                builder.addLink(sent, record.key() instanceof String key
                        ? Attributes.of(TraceAttributes.MESSAGE_KEY, key) : Attributes.empty());
            }
        }
        return builder.startSpan();
    }

    /** The context a consumed record's headers carry. */
    public Context contextOf(ConsumerRecord<?, ?> record) {
        return KafkaTraceHeaders.extract(propagator, record.headers());
    }

    /** {@code context} as the propagators' text fields ({@code traceparent}, …), to be stored with a message. */
    public Map<String, String> capture(Context context) {
        Map<String, String> carrier = new LinkedHashMap<>();
        propagator.inject(context, carrier, (map, key, value) -> map.put(key, value));
        return carrier;
    }

    /** The context {@link #capture} stored; the root context for a message stored without one (null). */
    public Context restore(Map<String, String> carrier) {
        if (carrier == null || carrier.isEmpty()) {
            return Context.root();
        }
        return propagator.extract(Context.root(), carrier, MapGetter.INSTANCE);
    }

    private static Attributes messaging(String topic, String operation, Object key) {
        AttributesBuilder attributes = Attributes.builder()
                .put(TraceAttributes.MESSAGING_SYSTEM, "kafka")
                .put(TraceAttributes.DESTINATION, topic)
                .put(TraceAttributes.OPERATION_NAME, operation)
                .put(TraceAttributes.OPERATION_TYPE, operation);
        if (key instanceof String k) {
            attributes.put(TraceAttributes.MESSAGE_KEY, k);
        }
        return attributes.build();
    }

    private enum MapGetter implements io.opentelemetry.context.propagation.TextMapGetter<Map<String, String>> {
        INSTANCE;

        @Override
        public Iterable<String> keys(Map<String, String> carrier) {
            return carrier.keySet();
        }

        @Override
        public String get(Map<String, String> carrier, String key) {
            return carrier == null ? null : carrier.get(key);
        }
    }
}
