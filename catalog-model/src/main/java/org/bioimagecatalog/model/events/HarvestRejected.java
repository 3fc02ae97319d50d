package org.bioimagecatalog.model.events;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.UUID;

/**
 * A native record that could not be turned into a {@link HarvestedRecord}, published on
 * {@code records.harvested.dlq.v1}: where it came from, why it was refused, and the start of the payload
 * (never the whole of a huge one) so that a steward can find and fix it.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record HarvestRejected(
        String eventId,
        int schemaVersion,
        String key,
        Instant occurredAt,
        String runId,
        String source,
        String location,
        String reason,
        String payloadExcerpt) {

    public static final String TOPIC = "records.harvested.dlq.v1";
    public static final int SCHEMA_VERSION = 1;

    public static HarvestRejected of(String runId, String source, String location, String reason, String payload) {
        return new HarvestRejected(UUID.randomUUID().toString(), SCHEMA_VERSION, source + ":" + location,
                Instant.now(), runId, source, location, DatasetEventRejected.start(reason),
                DatasetEventRejected.start(payload));
    }
}
