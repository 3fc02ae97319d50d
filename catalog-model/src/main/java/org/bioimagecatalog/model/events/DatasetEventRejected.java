package org.bioimagecatalog.model.events;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.UUID;

/**
 * A {@code datasets.v1} record a consumer could not apply, published on {@code datasets.dlq.v1} instead of being
 * skipped silently: which consumer, where the record was (topic, partition, offset, key), why it was refused, and
 * the start of its value (never the whole of a huge one), so that it can be found, fixed and replayed.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record DatasetEventRejected(
        String eventId,
        int schemaVersion,
        String key,
        Instant occurredAt,
        String consumer,
        String topic,
        int partition,
        long offset,
        String reason,
        String payloadExcerpt) {

    public static final String TOPIC = "datasets.dlq.v1";
    public static final int SCHEMA_VERSION = 1;
    static final int EXCERPT_CHARS = 2000;

    public static DatasetEventRejected of(String consumer, String topic, int partition, long offset, String key,
            String reason, String payload) {
        return new DatasetEventRejected(UUID.randomUUID().toString(), SCHEMA_VERSION, key, Instant.now(), consumer,
                topic, partition, offset, start(reason), start(payload));
    }

    /** A reason can quote what it refused (an exception's message), so it is bounded like the payload. */
    static String start(String text) {
        return text == null || text.length() <= EXCERPT_CHARS ? text : text.substring(0, EXCERPT_CHARS);
    }
}
