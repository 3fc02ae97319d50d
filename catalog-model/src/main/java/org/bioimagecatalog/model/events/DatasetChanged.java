package org.bioimagecatalog.model.events;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;
import org.bioimagecatalog.model.DatasetMetadata;

/**
 * The full current state of one canonical dataset, published on the compacted topic {@code datasets.v1}
 * with key = {@code datasetId}. A withdrawn dataset is a Kafka tombstone (null value), not an event.
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
        DatasetMetadata metadata) {

    public static final String TOPIC = "datasets.v1";
    public static final int SCHEMA_VERSION = 1;

    public DatasetChanged {
        sourceRecords = sourceRecords == null ? List.of() : List.copyOf(sourceRecords);
    }

    /** The archives this dataset was harvested from, e.g. {@code [idr, bia]}. */
    public List<String> sources() {
        return sourceRecords.stream().map(SourceRecordRef::source).distinct().toList();
    }
}
