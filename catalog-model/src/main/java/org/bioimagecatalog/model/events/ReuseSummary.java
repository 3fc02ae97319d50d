package org.bioimagecatalog.model.events;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.Map;

/**
 * Per-dataset reuse figures, published on the compacted topic {@code reuse.summary.v1} with key =
 * {@code datasetId}, so that search can rank and show "reused by N".
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ReuseSummary(
        String eventId,
        int schemaVersion,
        String key,
        Instant occurredAt,
        String contentHash,
        String datasetId,
        int citations,
        int reuses,
        int distinctCitingWorks,
        Map<Integer, Integer> byYear) {

    public static final String TOPIC = "reuse.summary.v1";
    public static final int SCHEMA_VERSION = 1;

    public ReuseSummary {
        byYear = byYear == null ? Map.of() : Map.copyOf(byYear);
    }
}
