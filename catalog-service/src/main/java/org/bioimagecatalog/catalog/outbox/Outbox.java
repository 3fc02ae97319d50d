package org.bioimagecatalog.catalog.outbox;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

/** Writes messages to the outbox inside the caller's transaction; {@link OutboxPublisher} sends them. */
@ApplicationScoped
public class Outbox {

    @Inject
    Event<OutboxWritten> written;

    /** Queues a message (a null payload is a tombstone); must join the transaction of the change. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void enqueue(String topic, String key, String payload) {
        OutboxEvent event = OutboxEvent.of(topic, key, payload);
        event.persist(); // IDENTITY: inserted now, so the id is known
        written.fire(new OutboxWritten(event.id));
    }
}
