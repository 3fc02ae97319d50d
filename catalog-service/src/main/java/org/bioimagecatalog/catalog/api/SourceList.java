package org.bioimagecatalog.catalog.api;

import java.time.Instant;
import java.util.List;
import org.bioimagecatalog.catalog.dataset.SourceStats;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "SourceList", description = "The archives the catalog holds records from")
public record SourceList(List<Source> items) {

    @Schema(name = "Source")
    public record Source(
            @Schema(example = "idr") String source,
            @Schema(description = "Records the archive still publishes") long records,
            @Schema(description = "Records the archive has deleted since") long deleted,
            @Schema(description = "When a harvest last saw a record of this archive") Instant lastHarvest,
            @Schema(description = "Live datasets built (partly) from this archive's records") long datasets,
            @Schema(description = "Average quality score of those datasets, one decimal; null when none",
                    nullable = true, example = "83.3") Double averageQuality) {

        static Source of(SourceStats stats) {
            return new Source(stats.source(), stats.records(), stats.deleted(), stats.lastHarvest(),
                    stats.datasets(), stats.averageQuality());
        }
    }

    static SourceList of(List<SourceStats> stats) {
        return new SourceList(stats.stream().map(Source::of).toList());
    }
}
