package org.bioimagecatalog.tracing;

import static org.assertj.core.api.Assertions.assertThat;

import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** What the one endpoint setting does to Quarkus's OpenTelemetry configuration. */
class TraceExportConfigSourceFactoryTest {

    @Test
    void withoutAnEndpointNoTraceIsSampledSoNothingIsExported() {
        SmallRyeConfig config = configWith(Map.of());

        assertThat(value(config, "quarkus.otel.traces.sampler.arg")).contains("0.0");
        assertThat(value(config, "quarkus.otel.exporter.otlp.traces.endpoint")).isEmpty();
    }

    @Test
    void anEndpointExportsThereOverHttpAndSamplesEveryTrace() {
        SmallRyeConfig config = configWith(Map.of("bic.otel.endpoint", " http://otel-collector:4318 "));

        assertThat(value(config, "quarkus.otel.exporter.otlp.traces.endpoint")).contains("http://otel-collector:4318");
        assertThat(value(config, "quarkus.otel.exporter.otlp.traces.protocol")).contains("http/protobuf");
        assertThat(value(config, "quarkus.otel.traces.sampler.arg")).contains("1.0");
    }

    @Test
    void theStandardEnvironmentVariableWorksToo() {
        SmallRyeConfig config = configWith(Map.of("OTEL_EXPORTER_OTLP_ENDPOINT", "http://tempo:4318"));

        assertThat(value(config, "quarkus.otel.exporter.otlp.traces.endpoint")).contains("http://tempo:4318");
    }

    @Test
    void quarkusOwnSettingsWin() {
        SmallRyeConfig config = configWith(Map.of("bic.otel.endpoint", "http://otel-collector:4318",
                "quarkus.otel.exporter.otlp.traces.protocol", "grpc", "quarkus.otel.traces.sampler.arg", "0.25"));
        assertThat(value(config, "quarkus.otel.exporter.otlp.traces.protocol")).contains("grpc");
        assertThat(value(config, "quarkus.otel.traces.sampler.arg")).contains("0.25");

        SmallRyeConfig direct = configWith(Map.of("quarkus.otel.exporter.otlp.traces.endpoint", "http://jaeger:4317",
                "quarkus.otel.traces.sampler.arg", "1"));
        assertThat(value(direct, "quarkus.otel.exporter.otlp.traces.endpoint")).contains("http://jaeger:4317");
        assertThat(value(direct, "quarkus.otel.traces.sampler.arg")).contains("1");
    }

    private static SmallRyeConfig configWith(Map<String, String> settings) {
        return new SmallRyeConfigBuilder()
                .withSources(new PropertiesConfigSource(settings, "application.properties", 250))
                .withSources(new TraceExportConfigSourceFactory())
                .build();
    }

    private static Optional<String> value(SmallRyeConfig config, String name) {
        return config.getOptionalValue(name, String.class);
    }
}
