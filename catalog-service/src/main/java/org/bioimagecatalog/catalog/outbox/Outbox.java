package org.bioimagecatalog.catalog.outbox;

import io.opentelemetry.context.Context;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.bioimagecatalog.catalog.db.Jdbc;
import org.bioimagecatalog.model.ModelJson;
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

    @Inject
    Jdbc jdbc;

    /**
     * A message to queue. {@code trace} is the propagation fields of the change's span, captured while it was
     * current (a poll applies many records, each in its own span); null takes the caller's current context.
     */
    public record Message(String topic, String key, String payload, Map<String, String> trace) {}

    /** Queues a message (a null payload is a tombstone); must join the transaction of the change. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void enqueue(String topic, String key, String payload) {
        OutboxEvent event = OutboxEvent.of(topic, key, payload).withTraceContext(tracing.capture(Context.current()));
        event.persist();
        written.fire(new OutboxWritten(1));
    }

    /**
     * Queues messages in one JDBC batch, in list order (the outbox ids follow it, and the publisher keeps each key's
     * order by id); must join the transaction of the change.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void enqueueAll(List<Message> messages) {
        if (messages.isEmpty()) {
            return;
        }
        Map<String, String> current = tracing.capture(Context.current());
        Timestamp now = Timestamp.from(Instant.now());
        jdbc.batch("insert into outbox (topic, key, payload, created_at, trace_context) values (?, ?, ?, ?, ?::jsonb)",
                messages, (insert, message) -> {
                    Map<String, String> trace = message.trace() != null ? message.trace() : current;
                    insert.setString(1, message.topic());
                    insert.setString(2, message.key());
                    insert.setString(3, message.payload());
                    insert.setTimestamp(4, now);
                    if (trace == null || trace.isEmpty()) {
                        insert.setNull(5, Types.VARCHAR);
                    } else {
                        insert.setString(5, ModelJson.write(trace));
                    }
                });
        written.fire(new OutboxWritten(messages.size()));
    }
}
