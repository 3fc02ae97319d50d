package org.bioimagecatalog.catalog.api;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.bioimagecatalog.catalog.dataset.DatasetVersion;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "DatasetHistory", description = "Every version of a dataset, newest first")
public record DatasetHistoryView(String id, List<Version> versions) {

    @Schema(name = "DatasetVersion")
    public record Version(
            int version,
            Instant changedAt,
            @Schema(description = "The source record whose change made this version", example = "idr:idr0001")
            String sourceKey,
            @Schema(nullable = true) String runId,
            String contentHash,
            @Schema(description = "Top-level fields that differ from the previous version",
                    example = "[\"organisms\", \"title\"]")
            List<String> changedFields,
            boolean withdrawn) {

        static Version of(DatasetVersion v) {
            return new Version(v.version, v.changedAt, v.sourceKey, v.runId, v.contentHash,
                    Arrays.asList(v.changedFields), v.withdrawn);
        }
    }

    static DatasetHistoryView of(String id, List<DatasetVersion> versions) {
        return new DatasetHistoryView(id, versions.stream().map(Version::of).toList());
    }
}
