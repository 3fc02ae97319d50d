package org.bioimagecatalog.reuse.report;

import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import org.bioimagecatalog.reuse.citation.CitationLink;
import org.bioimagecatalog.reuse.citation.LinkRelation;
import org.bioimagecatalog.reuse.dataset.TrackedDataset;
import org.bioimagecatalog.reuse.summary.ReuseFigures;
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

    static DatasetFigures of(TrackedDataset dataset, List<CitationLink> links) {
        ReuseFigures figures = ReuseFigures.of(links);
        return new DatasetFigures(dataset.datasetId, dataset.title, dataset.sources, dataset.withdrawn,
                figures.citations(), figures.primary(), figures.reuses(), figures.selfReuses(), reusesByYear(links));
    }

    /** Reuse trend: REUSE links by others, per year of the citing work (works without a year left out). */
    static SortedMap<Integer, Integer> reusesByYear(List<CitationLink> links) {
        SortedMap<Integer, Integer> byYear = new TreeMap<>();
        for (CitationLink link : links) {
            if (link.relation == LinkRelation.REUSE && !link.selfReuse && link.publication.year != null) {
                byYear.merge(link.publication.year, 1, Integer::sum);
            }
        }
        return byYear;
    }

    static SortedMap<Integer, Integer> sum(List<DatasetFigures> lines) {
        SortedMap<Integer, Integer> total = new TreeMap<>();
        lines.forEach(l -> l.reusesByYear().forEach((year, n) -> total.merge(year, n, Integer::sum)));
        return total;
    }
}
