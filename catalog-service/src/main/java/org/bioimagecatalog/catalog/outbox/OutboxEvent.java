package org.bioimagecatalog.catalog.outbox;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Map;
import org.bioimagecatalog.model.ModelJson;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * One message waiting to leave the service, written in the same transaction as the change it announces
 * (transactional outbox): a crash can delay a message but never lose it or publish one that was rolled back.
 */
@Entity
@Table(name = "outbox")
public class OutboxEvent extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    /** The logical topic, e.g. {@code datasets.v1}; the publisher adds the deployment's prefix. */
    @Column(nullable = false)
    public String topic;

    @Column(name = "key")
    public String messageKey;

    /** Null for a tombstone. */
    public String payload;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "published_at")
    public Instant publishedAt;

    /**
     * The trace context of the transaction that wrote the row, as the propagators' fields (a JSON object,
     * {@code {"traceparent": "00-…"}}); null when it had none. The publisher sends the message in that trace.
     */
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "trace_context", columnDefinition = "jsonb")
    public String traceContext;

    public static OutboxEvent of(String topic, String key, String payload) {
        OutboxEvent event = new OutboxEvent();
        event.topic = topic;
        event.messageKey = key;
        event.payload = payload;
        event.createdAt = Instant.now();
        return event;
    }

    /** Keeps {@code fields} (what a propagator wrote) as the row's trace context; none when empty. */
    public OutboxEvent withTraceContext(Map<String, String> fields) {
        traceContext = fields == null || fields.isEmpty() ? null : ModelJson.write(fields);
        return this;
    }

    /** The stored propagation fields, empty when the row has none. */
    @SuppressWarnings("unchecked")
    public Map<String, String> traceContextFields() {
        return traceContext == null ? Map.of() : ModelJson.read(traceContext, Map.class);
    }
}
