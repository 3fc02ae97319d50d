package org.bioimagecatalog.model.events;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;
import org.bioimagecatalog.model.DatasetMetadata;

/**
 * The full current state of one canonical dataset, published on the compacted topic {@code datasets.v1}
 * with key = {@code datasetId}. A withdrawn dataset is a Kafka tombstone (null value), not an event.
 *
 * <p>{@code quality} was added within schema version 1 as an optional field: events written before it (and
 * by producers that do not score) leave it out, and readers must accept it being null.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record DatasetChanged(
        String eventId,
        int schemaVersion,
        String key,
        Instant occurredAt,
        String contentHash,
        String runId,
        String datasetId,
        int version,
        List<SourceRecordRef> sourceRecords,
        DatasetMetadata metadata,
        DatasetQuality quality) {

    public static final String TOPIC = "datasets.v1";
    public static final int SCHEMA_VERSION = 1;

    public DatasetChanged {
        sourceRecords = sourceRecords == null ? List.of() : List.copyOf(sourceRecords);
    }

    /** An event without a quality score (as before the field existed). */
    public DatasetChanged(String eventId, int schemaVersion, String key, Instant occurredAt, String contentHash,
            String runId, String datasetId, int version, List<SourceRecordRef> sourceRecords, DatasetMetadata metadata) {
        this(eventId, schemaVersion, key, occurredAt, contentHash, runId, datasetId, version, sourceRecords, metadata,
                null);
    }

    /** The archives this dataset was harvested from, e.g. {@code [idr, bia]}. */
    public List<String> sources() {
        return sourceRecords.stream().map(SourceRecordRef::source).distinct().toList();
    }
}
