package org.bioimagecatalog.catalog.outbox;

import io.opentelemetry.context.Context;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.bioimagecatalog.tracing.MessagingTracing;

/**
 * Writes messages to the outbox inside the caller's transaction; {@link OutboxPublisher} sends them. Each row keeps
 * the caller's trace context (the consumer's span of the harvested record, or the API request's), so that the
 * message continues the trace of the change it announces.
 */
@ApplicationScoped
public class Outbox {

    @Inject
    Event<OutboxWritten> written;

    @Inject
    MessagingTracing tracing;

    /** Queues a message (a null payload is a tombstone); must join the transaction of the change. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void enqueue(String topic, String key, String payload) {
        OutboxEvent event = OutboxEvent.of(topic, key, payload).withTraceContext(tracing.capture(Context.current()));
        event.persist(); // IDENTITY: inserted now, so the id is known
        written.fire(new OutboxWritten(event.id));
    }
}
