package org.bioimagecatalog.harvester.run;

import static io.opentelemetry.api.common.AttributeKey.stringKey;

import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanBuilder;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.Optional;
import org.bioimagecatalog.model.events.HarvestedRecord;
import org.bioimagecatalog.tracing.TraceAttributes;
import org.jboss.logging.MDC;

/**
 * The harvester's spans (docs/observability.md): one {@code harvest run} span per run, the root of the run's trace
 * (linked to the request that started it), and under it one {@code harvest read} span per entry read and mapped
 * (its HTTP GETs are its children) or {@code harvest page} per page of a paged source. The records' {@code send}
 * spans are children of the run span too, and carry the trace on into Kafka.
 */
@Singleton
public class HarvestTracing {
    static final AttributeKey<String> ENTRY = stringKey("bic.harvest.entry");
    static final AttributeKey<String> LOCATION = stringKey("bic.harvest.location");

    private final Tracer tracer;

    @Inject
    public HarvestTracing(OpenTelemetry openTelemetry) {
        this.tracer = openTelemetry.getTracer("org.bioimagecatalog.harvester");
    }

    /**
     * The run's span, current on the calling thread until closed. A run thread is no Vert.x thread, where Quarkus
     * would put the ids in the logging MDC itself: the run's log lines get the run span's ids from here.
     */
    RunSpan startRun(HarvestRun run, HarvestSource source, boolean resuming, Context startedBy) {
        SpanBuilder builder = tracer.spanBuilder("harvest run")
                .setNoParent()
                .setAttribute(TraceAttributes.RUN_ID, run.id())
                .setAttribute(TraceAttributes.SOURCE, source.name())
                .setAttribute(LOCATION, String.valueOf(run.location()))
                .setAttribute("bic.harvest.resumed", resuming)
                .setAttribute("bic.harvest.forced", run.force());
        var requester = Span.fromContext(startedBy).getSpanContext();
        if (requester.isValid()) {
            builder.addLink(requester);
        }
        Span span = builder.startSpan();
        MDC.put("traceId", span.getSpanContext().getTraceId());
        MDC.put("spanId", span.getSpanContext().getSpanId());
        return new RunSpan(span, span.makeCurrent());
    }

    /** Reads each entry in a {@code harvest read} span. */
    SourceListing traced(SourceListing listing, HarvestSource source) {
        return new SourceListing() {
            @Override
            public List<String> entries() {
                return listing.entries();
            }

            @Override
            public HarvestedItem read(String entry) throws RecordRejectedException {
                Span span = tracer.spanBuilder("harvest read").setAttribute(TraceAttributes.SOURCE, source.name())
                        .setAttribute(ENTRY, entry).startSpan();
                try (Scope scope = span.makeCurrent()) {
                    HarvestedItem item = listing.read(entry);
                    String archive = item.archive() != null ? item.archive() : source.archive();
                    span.setAttribute(TraceAttributes.RECORD_KEY, HarvestedRecord.key(archive, item.nativeId()));
                    return item;
                } catch (RecordRejectedException e) {
                    span.setStatus(StatusCode.ERROR, e.reason());
                    throw e;
                } finally {
                    span.end();
                }
            }
        };
    }

    /** Reads each page in a {@code harvest page} span. */
    PageReader traced(PageReader pages, HarvestSource source) {
        return new PageReader() {
            @Override
            public List<PageEntry> next() throws LocationUnreadableException, RecordRejectedException {
                Span span = tracer.spanBuilder("harvest page").setAttribute(TraceAttributes.SOURCE, source.name())
                        .startSpan();
                try (Scope scope = span.makeCurrent()) {
                    List<PageEntry> page = pages.next();
                    span.setAttribute("bic.harvest.page.entries", page == null ? 0 : page.size());
                    return page;
                } catch (LocationUnreadableException | RecordRejectedException e) {
                    span.setStatus(StatusCode.ERROR, e.getMessage());
                    throw e;
                } finally {
                    span.end();
                }
            }

            @Override
            public Optional<String> checkpoint() {
                return pages.checkpoint();
            }

            @Override
            public Optional<String> position() {
                return pages.position();
            }

            @Override
            public java.util.OptionalLong total() {
                return pages.total();
            }

            @Override
            public boolean resume(String position, String checkpoint) {
                return pages.resume(position, checkpoint);
            }
        };
    }

    /** Ends the run's span and makes the thread's previous context current again. */
    record RunSpan(Span span, Scope scope) implements AutoCloseable {
        @Override
        public void close() {
            scope.close();
            span.end();
            MDC.remove("traceId");
            MDC.remove("spanId");
        }
    }
}
