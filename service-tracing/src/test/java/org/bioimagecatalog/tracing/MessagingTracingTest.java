package org.bioimagecatalog.tracing;

import static org.assertj.core.api.Assertions.assertThat;

import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.propagation.ContextPropagators;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.data.LinkData;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.record.TimestampType;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The real OpenTelemetry SDK and W3C propagator; the spans are read back from the SDK's in-memory exporter. */
class MessagingTracingTest {
    private final InMemorySpanExporter exported = InMemorySpanExporter.create();
    private final OpenTelemetrySdk sdk = OpenTelemetrySdk.builder()
            .setTracerProvider(SdkTracerProvider.builder().addSpanProcessor(SimpleSpanProcessor.create(exported)).build())
            .setPropagators(ContextPropagators.create(W3CTraceContextPropagator.getInstance()))
            .build();
    private final MessagingTracing tracing = new MessagingTracing(sdk);

    @AfterEach
    void close() {
        sdk.close();
    }

    @Test
    void aSentRecordCarriesItsSendSpanInATraceparentHeaderUnderTheGivenParent() {
        Span parent = sdk.getTracer("test").spanBuilder("harvest run").startSpan();
        ProducerRecord<String, String> record = new ProducerRecord<>("records.harvested.v1", "idr:idr0001", "{}");

        tracing.send(record, Context.root().with(parent), Attributes.of(TraceAttributes.RUN_ID, "run-1"));
        parent.end();

        SpanData send = only("send records.harvested.v1");
        assertThat(send.getKind()).isEqualTo(SpanKind.PRODUCER);
        assertThat(send.getParentSpanId()).isEqualTo(parent.getSpanContext().getSpanId());
        assertThat(send.getTraceId()).isEqualTo(parent.getSpanContext().getTraceId());
        assertThat(send.getAttributes().get(TraceAttributes.MESSAGE_KEY)).isEqualTo("idr:idr0001");
        assertThat(send.getAttributes().get(TraceAttributes.DESTINATION)).isEqualTo("records.harvested.v1");
        assertThat(send.getAttributes().get(TraceAttributes.RUN_ID)).isEqualTo("run-1");
        assertThat(header(record.headers(), "traceparent"))
                .isEqualTo("00-" + send.getTraceId() + "-" + send.getSpanId() + "-01");
    }

    @Test
    void sendingARecordAgainReplacesTheContextItCarried() {
        ProducerRecord<String, String> record = new ProducerRecord<>("datasets.v1", "bic-1", "{}");
        tracing.send(record, Context.root(), Attributes.empty());
        tracing.send(record, Context.root(), Attributes.empty());

        assertThat(record.headers().headers("traceparent")).hasSize(1);
        assertThat(header(record.headers(), "traceparent")).contains(exported.getFinishedSpanItems().get(1).getSpanId());
    }

    @Test
    void processingARecordContinuesTheTraceItsHeadersCarry() {
        ProducerRecord<String, String> sent = tracing.send(new ProducerRecord<>("datasets.v1", "bic-1", "{}"));
        SpanData send = only("send datasets.v1");

        Span process = tracing.startProcess(consumed(sent, 7));
        process.end();

        SpanData data = only("process datasets.v1");
        assertThat(data.getKind()).isEqualTo(SpanKind.CONSUMER);
        assertThat(data.getTraceId()).isEqualTo(send.getTraceId());
        assertThat(data.getParentSpanId()).isEqualTo(send.getSpanId());
        assertThat(data.getAttributes().get(TraceAttributes.OFFSET)).isEqualTo(7L);
        assertThat(data.getAttributes().get(TraceAttributes.MESSAGE_KEY)).isEqualTo("bic-1");
    }

    @Test
    void aRecordWithoutContextStartsANewTrace() {
        Span process = tracing.startProcess(new ConsumerRecord<>("datasets.v1", 0, 0, "bic-1", "{}"));
        process.end();

        assertThat(only("process datasets.v1").getParentSpanContext().isValid()).isFalse();
    }

    @Test
    void aBatchSpanIsANewTraceLinkedToTheTraceOfEveryRecordThatHasOne() {
        ProducerRecord<String, String> first = tracing.send(new ProducerRecord<>("datasets.v1", "bic-1", "{}"));
        ProducerRecord<String, String> second = tracing.send(new ProducerRecord<>("datasets.v1", "bic-2", "{}"));
        List<SpanData> sends = List.copyOf(exported.getFinishedSpanItems());
        TopicPartition partition = new TopicPartition("datasets.v1", 0);
        ConsumerRecords<String, String> batch = new ConsumerRecords<>(Map.of(partition, List.of(
                consumed(first, 0), consumed(second, 1), new ConsumerRecord<>("datasets.v1", 0, 2, "bic-3", "{}"))), Map.of());

        tracing.startBatch(batch).end();

        SpanData span = only("process datasets.v1");
        assertThat(span.getParentSpanContext().isValid()).isFalse();
        assertThat(span.getTraceId()).isNotIn(sends.get(0).getTraceId(), sends.get(1).getTraceId());
        assertThat(span.getAttributes().get(TraceAttributes.BATCH_COUNT)).isEqualTo(3L);
        assertThat(span.getLinks()).extracting(LinkData::getSpanContext).extracting(SpanContext::getSpanId)
                .containsExactly(sends.get(0).getSpanId(), sends.get(1).getSpanId());
        assertThat(span.getLinks()).extracting(l -> l.getAttributes().get(TraceAttributes.MESSAGE_KEY))
                .containsExactly("bic-1", "bic-2");
    }

    @Test
    void aCapturedContextIsRestoredWithTheSameSpanAsRemoteParent() {
        Span span = sdk.getTracer("test").spanBuilder("transaction").startSpan();
        Map<String, String> stored = tracing.capture(Context.root().with(span));
        span.end();

        SpanContext restored = Span.fromContext(tracing.restore(stored)).getSpanContext();

        assertThat(stored).containsOnlyKeys("traceparent");
        assertThat(restored.getTraceId()).isEqualTo(span.getSpanContext().getTraceId());
        assertThat(restored.getSpanId()).isEqualTo(span.getSpanContext().getSpanId());
        assertThat(restored.isRemote()).isTrue();
        assertThat(Span.fromContext(tracing.restore(Map.of())).getSpanContext().isValid()).isFalse();
        assertThat(Span.fromContext(tracing.restore(null)).getSpanContext().isValid()).isFalse();
    }

    @Test
    void withoutAnSdkNothingIsWrittenAndNothingFails() {
        MessagingTracing noop = new MessagingTracing(OpenTelemetry.noop());
        ProducerRecord<String, String> record = noop.send(new ProducerRecord<>("datasets.v1", "bic-1", "{}"));

        assertThat(record.headers().toArray()).isEmpty();
        assertThat(noop.capture(Context.current())).isEmpty();
    }

    private SpanData only(String name) {
        List<SpanData> named = exported.getFinishedSpanItems().stream().filter(s -> s.getName().equals(name)).toList();
        assertThat(named).hasSize(1);
        return named.get(0);
    }

    private static ConsumerRecord<String, String> consumed(ProducerRecord<String, String> sent, long offset) {
        Headers headers = new RecordHeaders(sent.headers().toArray());
        return new ConsumerRecord<>(sent.topic(), 0, offset, 0L, TimestampType.CREATE_TIME, 0, 0, sent.key(),
                sent.value(), headers, java.util.Optional.empty());
    }

    private static String header(Headers headers, String key) {
        return new String(headers.lastHeader(key).value(), StandardCharsets.UTF_8);
    }
}
