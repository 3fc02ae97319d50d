package org.bioimagecatalog.reuse.report;

import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One dataset's line in a producer or repository report. */
@Schema(name = "DatasetReuseLine")
public record DatasetFigures(
        @Schema(examples = "idr0001") String datasetId,
        String title,
        List<String> sources,
        boolean withdrawn,
        @Schema(description = "all links") int citations,
        int primary,
        @Schema(description = "reuses by others than the producers") int reuses,
        int selfReuses,
        @Schema(description = "reuses (not self-reuses) per publication year") Map<Integer, Integer> reusesByYear) {
}
