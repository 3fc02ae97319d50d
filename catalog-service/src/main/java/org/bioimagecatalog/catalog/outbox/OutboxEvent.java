package org.bioimagecatalog.catalog.outbox;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

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

    public static OutboxEvent of(String topic, String key, String payload) {
        OutboxEvent event = new OutboxEvent();
        event.topic = topic;
        event.messageKey = key;
        event.payload = payload;
        event.createdAt = Instant.now();
        return event;
    }
}
