package org.bioimagecatalog.reuse.report;

import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import org.bioimagecatalog.reuse.citation.CitationLink;
import org.bioimagecatalog.reuse.citation.LinkRelation;
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

    /** Reuse trend of one dataset's links: REUSE links by others, per year of the citing work (without a year left out). */
    static SortedMap<Integer, Integer> reusesByYear(List<CitationLink> links) {
        SortedMap<Integer, Integer> byYear = new TreeMap<>();
        for (CitationLink link : links) {
            if (link.relation == LinkRelation.REUSE && !link.selfReuse && link.publication.year != null) {
                byYear.merge(link.publication.year, 1, Integer::sum);
            }
        }
        return byYear;
    }
}
