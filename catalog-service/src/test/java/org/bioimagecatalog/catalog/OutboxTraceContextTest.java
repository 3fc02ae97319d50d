package org.bioimagecatalog.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.TraceFlags;
import io.opentelemetry.api.trace.TraceState;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.propagation.TextMapGetter;
import io.opentelemetry.context.propagation.TextMapPropagator;
import io.opentelemetry.sdk.trace.IdGenerator;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.bioimagecatalog.catalog.dataset.DatasetIds;
import org.bioimagecatalog.catalog.outbox.OutboxEvent;
import org.bioimagecatalog.model.events.DatasetChanged;
import org.bioimagecatalog.testsupport.StackTestResource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The trace of a harvested record crosses the catalog through the real stack: the harvester's context arrives in
 * the record's headers, the outbox row written by the transaction keeps the context of the catalog's span of that
 * record, and the datasets.v1 message the publisher sends later carries the same trace in its headers (a span of
 * its own, the outbox's send). Nothing is exported here (no collector): the ids are what travels.
 */
@QuarkusTest
@QuarkusTestResource(StackTestResource.class)
class OutboxTraceContextTest {
    private static final TextMapPropagator W3C = W3CTraceContextPropagator.getInstance();
    private static CatalogTopics.Reader datasets;

    @BeforeAll
    static void followDatasets() {
        datasets = new CatalogTopics.Reader(DatasetChanged.TOPIC);
    }

    @AfterAll
    static void closeReader() {
        if (datasets != null) {
            datasets.close();
        }
    }

    @Test
    void theOutboxRowKeepsTheRecordsTraceAndThePublishedDatasetCarriesIt() {
        IdGenerator ids = IdGenerator.random();
        SpanContext harvesterSend = SpanContext.create(ids.generateTraceId(), ids.generateSpanId(),
                TraceFlags.getSampled(), TraceState.getDefault());
        Headers headers = new RecordHeaders();
        W3C.inject(Context.root().with(Span.wrap(harvesterSend)), headers,
                (h, key, value) -> h.add(key, value.getBytes(StandardCharsets.UTF_8)));

        CatalogTopics.publish(IdrRecords.record("run-traced", "idr", "idr0901", IdrRecords.idr0001("idr0901").build()),
                headers);
        String id = DatasetIds.forSourceKey("idr:idr0901");
        ConsumerRecord<String, String> published = datasets.awaitKey(id, r -> !r.isEmpty()).get(0);

        OutboxEvent row = QuarkusTransaction.requiringNew().call(() -> OutboxEvent.<OutboxEvent>find(
                "topic = ?1 and messageKey = ?2 order by id", DatasetChanged.TOPIC, id).firstResult());
        assertThat(row.traceContextFields()).containsKey("traceparent");
        SpanContext stored = spanContext(W3C.extract(Context.root(), row.traceContextFields(), MAP));
        assertThat(stored.getTraceId()).isEqualTo(harvesterSend.getTraceId());
        assertThat(stored.getSpanId()).as("the catalog's own span of the record").isNotEqualTo(harvesterSend.getSpanId());

        SpanContext sent = spanContext(W3C.extract(Context.root(), published.headers(), HEADERS));
        assertThat(sent.getTraceId()).isEqualTo(harvesterSend.getTraceId());
        assertThat(sent.getSpanId()).as("the outbox's send span").isNotIn(harvesterSend.getSpanId(), stored.getSpanId());
        assertThat(published.headers().headers("traceparent")).hasSize(1);
    }

    private static SpanContext spanContext(Context context) {
        SpanContext spanContext = Span.fromContext(context).getSpanContext();
        assertThat(spanContext.isValid()).isTrue();
        return spanContext;
    }

    private static final TextMapGetter<Map<String, String>> MAP = new TextMapGetter<>() {
        @Override
        public Iterable<String> keys(Map<String, String> carrier) {
            return carrier.keySet();
        }

        @Override
        public String get(Map<String, String> carrier, String key) {
            return carrier.get(key);
        }
    };

    private static final TextMapGetter<Headers> HEADERS = new TextMapGetter<>() {
        @Override
        public Iterable<String> keys(Headers carrier) {
            return () -> java.util.Arrays.stream(carrier.toArray()).map(h -> h.key()).iterator();
        }

        @Override
        public String get(Headers carrier, String key) {
            var header = carrier.lastHeader(key);
            return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
        }
    };
}
