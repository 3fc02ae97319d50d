package org.bioimagecatalog.tracing;

import io.smallrye.config.ConfigSourceContext;
import io.smallrye.config.ConfigSourceFactory;
import io.smallrye.config.ConfigValue;
import io.smallrye.config.PropertiesConfigSource;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.stream.Stream;
import org.eclipse.microprofile.config.spi.ConfigSource;

/**
 * Trace export switched on by one setting, {@code bic.otel.endpoint} (env {@code BIC_OTEL_ENDPOINT}, or the
 * standard {@code OTEL_EXPORTER_OTLP_ENDPOINT}): the base URL of an OTLP/HTTP collector (Jaeger, Tempo, the
 * OpenTelemetry Collector), e.g. {@code http://otel-collector:4318}.
 *
 * <p>The services' sampler is {@code traceidratio} (fixed at build time, META-INF/microprofile-config.properties):
 * the same decision for a trace id in every service, whatever its parent's flags say. Set: spans are exported
 * there over OTLP/HTTP (protobuf), every trace is sampled (ratio {@code 1.0}, or
 * {@code quarkus.otel.traces.sampler.arg}). Unset (the default locally and in tests): the ratio is {@code 0}, so
 * spans still get ids (the trace context still crosses Kafka and log lines carry trace ids) but nothing is
 * recorded, and no exporter keeps trying a collector that is not there. Quarkus's own keys win over both: this
 * source ranks below {@code application.properties} and the environment (whoever sets
 * {@code QUARKUS_OTEL_EXPORTER_OTLP_TRACES_ENDPOINT} directly sets {@code QUARKUS_OTEL_TRACES_SAMPLER_ARG=1} too).
 */
public class TraceExportConfigSourceFactory implements ConfigSourceFactory {
    static final String ENDPOINT = "bic.otel.endpoint";
    static final String STANDARD_ENDPOINT = "OTEL_EXPORTER_OTLP_ENDPOINT";
    static final String QUARKUS_TRACES_ENDPOINT = "quarkus.otel.exporter.otlp.traces.endpoint";
    static final String SAMPLER_RATIO = "quarkus.otel.traces.sampler.arg";
    /** Above the defaults in libraries' microprofile-config.properties (100), below application.properties (250). */
    static final int ORDINAL = 150;

    /**
     * Sets the ratio either way: Quarkus records the runtime values it sees at build time as defaults, and at build
     * time there is no endpoint, so an unset ratio would be the recorded {@code 0.0}. Quarkus's own endpoint keys
     * cannot be told apart from their defaults here ({@code localhost:4317} is always "set"), so only ours count.
     */
    @Override
    public Iterable<ConfigSource> getConfigSources(ConfigSourceContext context) {
        String endpoint = Stream.of(ENDPOINT, STANDARD_ENDPOINT).map(name -> value(context, name))
                .filter(v -> v != null).findFirst().orElse(null);
        Map<String, String> properties = endpoint == null
                ? Map.of(SAMPLER_RATIO, "0.0")
                : Map.of(QUARKUS_TRACES_ENDPOINT, endpoint, SAMPLER_RATIO, "1.0",
                        "quarkus.otel.exporter.otlp.traces.protocol", "http/protobuf");
        return List.of(new PropertiesConfigSource(properties, "bic trace export (" + ENDPOINT + ")", ORDINAL));
    }

    @Override
    public OptionalInt getPriority() {
        return OptionalInt.of(ORDINAL);
    }

    private static String value(ConfigSourceContext context, String name) {
        ConfigValue value = context.getValue(name);
        String text = value == null ? null : value.getValue();
        return text == null || text.isBlank() ? null : text.strip();
    }
}
