package org.bioimagecatalog.reuse.report;

import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The credit report of one person: every dataset they produced, with its reuse. */
@Schema(name = "ProducerReuseReport")
public record ProducerReport(
        @Schema(examples = "0000-0002-1825-0097") String orcid,
        @Schema(description = "the name the catalog records give", examples = "Graml V") String name,
        Totals totals,
        @Schema(description = "reuses by others per year, over all the datasets") Map<Integer, Integer> reusesByYear,
        @Schema(description = "most reused first") List<DatasetFigures> datasets) {

    @Schema(name = "ReuseTotals")
    public record Totals(int datasets, int citations, int primary, int reuses, int selfReuses) {
    }
}
