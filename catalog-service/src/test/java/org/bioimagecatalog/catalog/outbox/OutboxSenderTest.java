package org.bioimagecatalog.catalog.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.propagation.ContextPropagators;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Future;
import org.apache.kafka.clients.producer.Callback;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.errors.TimeoutException;
import org.bioimagecatalog.tracing.MessagingTracing;
import org.junit.jupiter.api.Test;

/**
 * How one outbox batch reacts to Kafka: the broker cannot be stopped under a shared test stack, so its
 * answers are scripted here (the database side runs against the real stack in the Quarkus tests).
 */
class OutboxSenderTest {

    @Test
    void acknowledgedRowsAreReportedInIdOrderWithThePrefixedTopicAndTombstones() {
        ScriptedProducer producer = new ScriptedProducer(Map.of());
        OutboxSender sender = new OutboxSender(producer, t -> "t42." + t, Duration.ofSeconds(1));

        OutboxSender.Result result = sender.send(List.of(
                row(1, "bic-aaaaaaaaaaaa", "{\"version\":1}"),
                row(2, "bic-bbbbbbbbbbbb", null),
                row(3, "bic-cccccccccccc", "{\"version\":3}")));

        assertThat(result.acked()).containsExactly(1L, 2L, 3L);
        assertThat(result.failures()).isEmpty();
        assertThat(result.kafkaAway()).isFalse();
        assertThat(producer.sent).extracting(ProducerRecord::topic).containsOnly("t42.datasets.v1");
        assertThat(producer.sent).extracting(ProducerRecord::key)
                .containsExactly("bic-aaaaaaaaaaaa", "bic-bbbbbbbbbbbb", "bic-cccccccccccc");
        assertThat(producer.sent.get(1).value()).isNull();
    }

    @Test
    void kafkaBeingAwayStopsTheBatchAndLeavesEveryRowPending() {
        ScriptedProducer producer = new ScriptedProducer(
                Map.of("bic-aaaaaaaaaaaa", new TimeoutException("Topic datasets.v1 not present in metadata after 5000 ms.")));
        OutboxSender sender = new OutboxSender(producer, t -> t, Duration.ofSeconds(1));

        OutboxSender.Result result = sender.send(List.of(
                row(1, "bic-aaaaaaaaaaaa", "{}"), row(2, "bic-bbbbbbbbbbbb", "{}"), row(3, "bic-cccccccccccc", "{}")));

        assertThat(result.kafkaAway()).isTrue();
        assertThat(result.acked()).isEmpty();
        assertThat(result.failures()).extracting(f -> f.row().id).containsExactly(1L);
        assertThat(result.failures().get(0).refusedForGood()).as("a row waits for Kafka, never dead-lettered").isFalse();
        assertThat(producer.attempts).isEqualTo(1);
    }

    @Test
    void aRowKafkaRefusesStaysPendingWithoutHoldingBackOtherKeys() {
        ScriptedProducer producer = new ScriptedProducer(
                Map.of("bic-bbbbbbbbbbbb", new RecordTooLargeException("The message is 1400000 bytes")));
        OutboxSender sender = new OutboxSender(producer, t -> t, Duration.ofSeconds(1));

        OutboxSender.Result result = sender.send(List.of(
                row(1, "bic-aaaaaaaaaaaa", "{}"), row(2, "bic-bbbbbbbbbbbb", "{}"), row(3, "bic-cccccccccccc", "{}")));

        assertThat(result.kafkaAway()).isFalse();
        assertThat(result.acked()).containsExactly(1L, 3L);
        assertThat(result.failures()).singleElement()
                .satisfies(f -> assertThat(f.cause()).isInstanceOf(RecordTooLargeException.class))
                .satisfies(f -> assertThat(f.refusedForGood()).as("the publisher dead-letters it").isTrue());
    }

    @Test
    void eachMessageIsSentInTheTraceItsRowKeptWithASendSpanInItsHeaders() {
        InMemorySpanExporter exported = InMemorySpanExporter.create();
        try (OpenTelemetrySdk sdk = OpenTelemetrySdk.builder()
                .setTracerProvider(SdkTracerProvider.builder().addSpanProcessor(SimpleSpanProcessor.create(exported)).build())
                .setPropagators(ContextPropagators.create(W3CTraceContextPropagator.getInstance()))
                .build()) {
            MessagingTracing tracing = new MessagingTracing(sdk);
            // the consumer's transaction: its span is current when the row is written
            Span transaction = sdk.getTracer("test").spanBuilder("process records.harvested.v1").startSpan();
            OutboxEvent traced = row(1, "bic-aaaaaaaaaaaa", "{}")
                    .withTraceContext(tracing.capture(Context.root().with(transaction)));
            transaction.end();
            OutboxEvent untraced = row(2, "bic-bbbbbbbbbbbb", "{}");
            ScriptedProducer producer = new ScriptedProducer(Map.of());

            new OutboxSender(producer, t -> "t42." + t, Duration.ofSeconds(1), tracing).send(List.of(traced, untraced));

            assertThat(traced.traceContextFields().get("traceparent"))
                    .isEqualTo("00-" + transaction.getSpanContext().getTraceId() + "-"
                            + transaction.getSpanContext().getSpanId() + "-01");
            List<SpanData> sends = exported.getFinishedSpanItems().stream()
                    .filter(s -> s.getName().equals("send t42.datasets.v1")).toList();
            assertThat(sends).hasSize(2);
            SpanData send = sends.get(0);
            assertThat(send.getKind()).isEqualTo(SpanKind.PRODUCER);
            assertThat(send.getTraceId()).isEqualTo(transaction.getSpanContext().getTraceId());
            assertThat(send.getParentSpanId()).isEqualTo(transaction.getSpanContext().getSpanId());
            assertThat(send.getAttributes().asMap()).containsEntry(OutboxSender.OUTBOX_ID, 1L)
                    .containsEntry(org.bioimagecatalog.tracing.TraceAttributes.DATASET_ID, "bic-aaaaaaaaaaaa");
            assertThat(traceparent(producer.sent.get(0))).isEqualTo("00-" + send.getTraceId() + "-" + send.getSpanId() + "-01");
            // a row written outside any trace starts one of its own when it is sent
            assertThat(sends.get(1).getParentSpanContext().isValid()).isFalse();
            assertThat(traceparent(producer.sent.get(1))).contains(sends.get(1).getTraceId());
        }
    }

    private static String traceparent(ProducerRecord<String, String> record) {
        return new String(record.headers().lastHeader("traceparent").value(), StandardCharsets.UTF_8);
    }

    private static OutboxEvent row(long id, String key, String payload) {
        OutboxEvent row = OutboxEvent.of("datasets.v1", key, payload);
        row.id = id;
        return row;
    }

    /** Acknowledges every send at once, except for the keys it is told to fail with a given error. */
    private static final class ScriptedProducer extends MockProducer<String, String> {
        private final Map<String, RuntimeException> failures;
        final List<ProducerRecord<String, String>> sent = new ArrayList<>();
        int attempts;

        ScriptedProducer(Map<String, RuntimeException> failures) {
            this.failures = failures;
        }

        @Override
        public synchronized Future<RecordMetadata> send(ProducerRecord<String, String> record, Callback callback) {
            attempts++;
            RuntimeException failure = failures.get(record.key());
            if (failure != null) {
                return CompletableFuture.failedFuture(failure);
            }
            sent.add(record);
            return CompletableFuture.completedFuture(
                    new RecordMetadata(new TopicPartition(record.topic(), 0), sent.size() - 1, 0, 0L, 0, 0));
        }
    }
}
