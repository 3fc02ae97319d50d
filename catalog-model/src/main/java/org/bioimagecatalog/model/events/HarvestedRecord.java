package org.bioimagecatalog.model.events;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.UUID;
import org.bioimagecatalog.model.DatasetMetadata;
import org.bioimagecatalog.model.ModelJson;

/**
 * One archive record mapped to the common model, published on {@code records.harvested.v1} with key
 * {@code source:nativeId}. {@code deleted} marks a record the archive withdrew (metadata is then null).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record HarvestedRecord(
        String eventId,
        int schemaVersion,
        String key,
        Instant occurredAt,
        String contentHash,
        String runId,
        String source,
        String nativeId,
        String sourceUrl,
        boolean deleted,
        DatasetMetadata metadata) {

    public static final String TOPIC = "records.harvested.v1";
    public static final int SCHEMA_VERSION = 1;

    public static String key(String source, String nativeId) {
        return source + ":" + nativeId;
    }

    public static HarvestedRecord of(String runId, String source, String nativeId, String sourceUrl,
            DatasetMetadata metadata) {
        return new HarvestedRecord(UUID.randomUUID().toString(), SCHEMA_VERSION, key(source, nativeId),
                Instant.now(), ModelJson.contentHash(metadata), runId, source, nativeId, sourceUrl, false, metadata);
    }
}
