package org.bioimagecatalog.e2e;

import com.google.protobuf.ByteString;
import com.google.protobuf.InvalidProtocolBufferException;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceResponse;
import io.opentelemetry.proto.common.v1.AnyValue;
import io.opentelemetry.proto.common.v1.KeyValue;
import io.opentelemetry.proto.trace.v1.ResourceSpans;
import io.opentelemetry.proto.trace.v1.ScopeSpans;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.zip.GZIPInputStream;

/**
 * A small OTLP/HTTP trace receiver for the tests, what a collector (Jaeger, Tempo, the OpenTelemetry Collector)
 * offers at {@code POST /v1/traces}: it decodes the protobuf export requests the services send and keeps every
 * span. Anything else is answered 404, an undecodable body 400.
 */
final class OtlpTraceReceiver implements AutoCloseable {

    /** One received span; ids in lower-case hex as in a {@code traceparent}, parent "" for a root. */
    record ReceivedSpan(String service, String traceId, String spanId, String parentSpanId, String name, String kind,
            Map<String, String> attributes, List<Link> links) {

        String attribute(String key) {
            return attributes.get(key);
        }

        boolean isChildOf(ReceivedSpan parent) {
            return traceId.equals(parent.traceId) && parentSpanId.equals(parent.spanId);
        }

        boolean linksTo(ReceivedSpan other) {
            return links.stream().anyMatch(l -> l.traceId().equals(other.traceId) && l.spanId().equals(other.spanId));
        }

        @Override
        public String toString() {
            return service + " '" + name + "' " + kind + " " + traceId + "/" + spanId + " parent " + parentSpanId
                    + " " + attributes + (links.isEmpty() ? "" : " links " + links);
        }
    }

    record Link(String traceId, String spanId) {}

    private static final HexFormat HEX = HexFormat.of();

    private final HttpServer server;
    private final List<ReceivedSpan> spans = new CopyOnWriteArrayList<>();

    private OtlpTraceReceiver(HttpServer server) {
        this.server = server;
        server.createContext("/", this::handle);
        server.start();
    }

    static OtlpTraceReceiver start() throws IOException {
        return new OtlpTraceReceiver(HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0));
    }

    /** The base URL to configure as the services' OTLP endpoint (they add {@code /v1/traces}). */
    String endpoint() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    List<ReceivedSpan> spans() {
        return List.copyOf(spans);
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            if (!"POST".equals(exchange.getRequestMethod()) || !"/v1/traces".equals(exchange.getRequestURI().getPath())) {
                exchange.sendResponseHeaders(404, -1);
                return;
            }
            ExportTraceServiceRequest request;
            try (InputStream body = body(exchange)) {
                request = ExportTraceServiceRequest.parseFrom(body);
            } catch (InvalidProtocolBufferException e) {
                exchange.sendResponseHeaders(400, -1);
                return;
            }
            request.getResourceSpansList().forEach(this::keep);
            byte[] answer = ExportTraceServiceResponse.getDefaultInstance().toByteArray();
            exchange.getResponseHeaders().set("Content-Type", "application/x-protobuf");
            exchange.sendResponseHeaders(200, answer.length == 0 ? -1 : answer.length);
            if (answer.length > 0) {
                exchange.getResponseBody().write(answer);
            }
        }
    }

    private static InputStream body(HttpExchange exchange) throws IOException {
        String encoding = exchange.getRequestHeaders().getFirst("Content-Encoding");
        InputStream in = exchange.getRequestBody();
        return "gzip".equalsIgnoreCase(encoding) ? new GZIPInputStream(in) : in;
    }

    private void keep(ResourceSpans resourceSpans) {
        String service = text(resourceSpans.getResource().getAttributesList()).getOrDefault("service.name", "?");
        for (ScopeSpans scope : resourceSpans.getScopeSpansList()) {
            for (io.opentelemetry.proto.trace.v1.Span span : scope.getSpansList()) {
                spans.add(new ReceivedSpan(service, hex(span.getTraceId()), hex(span.getSpanId()),
                        hex(span.getParentSpanId()), span.getName(), span.getKind().name().replace("SPAN_KIND_", ""),
                        text(span.getAttributesList()),
                        span.getLinksList().stream().map(l -> new Link(hex(l.getTraceId()), hex(l.getSpanId()))).toList()));
            }
        }
    }

    private static Map<String, String> text(List<KeyValue> attributes) {
        Map<String, String> map = new LinkedHashMap<>();
        for (KeyValue attribute : attributes) {
            AnyValue value = attribute.getValue();
            map.put(attribute.getKey(), switch (value.getValueCase()) {
                case STRING_VALUE -> value.getStringValue();
                case INT_VALUE -> Long.toString(value.getIntValue());
                case BOOL_VALUE -> Boolean.toString(value.getBoolValue());
                case DOUBLE_VALUE -> Double.toString(value.getDoubleValue());
                default -> value.toString();
            });
        }
        return map;
    }

    private static String hex(ByteString bytes) {
        return HEX.formatHex(bytes.toByteArray());
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
