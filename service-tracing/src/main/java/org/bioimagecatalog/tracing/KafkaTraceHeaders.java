package org.bioimagecatalog.tracing;

import io.opentelemetry.context.Context;
import io.opentelemetry.context.propagation.TextMapGetter;
import io.opentelemetry.context.propagation.TextMapPropagator;
import io.opentelemetry.context.propagation.TextMapSetter;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashSet;
import java.util.Set;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;

/**
 * Kafka record headers as the carrier of the trace context: the configured propagators (W3C
 * {@code traceparent}/{@code tracestate} and {@code baggage} by default) write and read them here, as text.
 */
public final class KafkaTraceHeaders {

    static final TextMapSetter<Headers> SETTER = (headers, key, value) -> {
        if (headers != null) {
            headers.remove(key); // a record passed on keeps one context, the new one
            headers.add(key, value.getBytes(StandardCharsets.UTF_8));
        }
    };

    static final TextMapGetter<Headers> GETTER = new TextMapGetter<>() {
        @Override
        public Iterable<String> keys(Headers headers) {
            Set<String> keys = new LinkedHashSet<>();
            headers.forEach(header -> keys.add(header.key()));
            return keys;
        }

        @Override
        public String get(Headers headers, String key) {
            if (headers == null) {
                return null;
            }
            Header header = headers.lastHeader(key);
            return header == null || header.value() == null ? null
                    : new String(header.value(), StandardCharsets.UTF_8);
        }
    };

    private KafkaTraceHeaders() {}

    /** Writes {@code context} into {@code headers}, replacing a context they already carried. */
    public static void inject(TextMapPropagator propagator, Context context, Headers headers) {
        propagator.inject(context, headers, SETTER);
    }

    /**
     * The context the headers carry, on top of the root context (never the consuming thread's): an invalid span
     * context when the producer sent none.
     */
    public static Context extract(TextMapPropagator propagator, Headers headers) {
        return propagator.extract(Context.root(), headers, GETTER);
    }
}
