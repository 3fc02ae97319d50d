package org.bioimagecatalog.reuse.report;

import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Reuse of one archive's datasets: totals, trend per year, and the most reused datasets. */
@Schema(name = "RepositoryReuseReport")
public record RepositoryReport(
        @Schema(examples = "idr") String source,
        ProducerReport.Totals totals,
        @Schema(description = "reuses by others per year of the citing work") Map<Integer, Integer> reusesByYear,
        @Schema(description = "the most reused datasets, most reused first (at most `limit`)") List<DatasetFigures> mostReused) {}
