package org.bioimagecatalog.reuse.summary;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.bioimagecatalog.reuse.citation.CitationLink;
import org.bioimagecatalog.reuse.citation.LinkEvidence;
import org.bioimagecatalog.reuse.citation.LinkRelation;
import org.bioimagecatalog.reuse.citation.PublicationEntity;
import org.bioimagecatalog.reuse.dataset.TrackedDataset;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Who cites a dataset, and why the tracker believes it: the body of {@code GET /api/v1/reuse/datasets/{id}}. */
@Schema(name = "DatasetReuseReport", description = "The publications citing or describing one dataset, with evidence")
public record DatasetReuseReport(
        @Schema(examples = "idr0001") String datasetId,
        @Schema(examples = "Genome-wide screen of fission yeast deletion mutants (idr0001)") String title,
        @Schema(description = "true when the catalog withdrew the dataset; its links are kept") boolean withdrawn,
        Counts counts,
        @Schema(description = "citing works per publication year", examples = "{\"2014\": 1}") Map<Integer, Integer> byYear,
        @Schema(description = "PRIMARY first, then newest first") List<Citation> citations) {

    @Schema(name = "ReuseCounts")
    public record Counts(
            @Schema(description = "all links") int citations,
            @Schema(description = "publications describing the dataset") int primary,
            @Schema(description = "reuses by others than the dataset's producers") int reuses,
            @Schema(description = "reuses by the dataset's own producers") int selfReuses) {}

    @Schema(name = "Citation")
    public record Citation(
            CitingPublication publication,
            @Schema(enumeration = {"PRIMARY", "REUSE"}) LinkRelation relation,
            boolean selfReuse,
            List<Evidence> evidence) {}

    @Schema(name = "CitingPublication", description = "Ids are normalised: DOI lower case, PMCID with PMC prefix")
    public record CitingPublication(
            @Schema(examples = "10.1016/j.devcel.2014.09.005") String doi,
            @Schema(examples = "25373780") String pmid,
            @Schema(examples = "PMC4648281") String pmcid,
            String title,
            String journal,
            @Schema(examples = "2014") Integer year) {}

    @Schema(name = "Evidence")
    public record Evidence(
            @Schema(enumeration = {"harvested-primary", "europepmc-textmined", "crossref-reference",
                    "datacite-relation", "scholix", "submitted"}) String kind,
            @Schema(examples = "listed as primary publication by idr:idr0001") String detail,
            Instant observedAt) {}

    private static final Comparator<CitationLink> REPORT_ORDER = Comparator
            .comparing((CitationLink l) -> l.relation == LinkRelation.PRIMARY ? 0 : 1)
            .thenComparing(l -> l.publication.year, Comparator.nullsLast(Comparator.reverseOrder()))
            .thenComparing(l -> l.publication.id);

    static DatasetReuseReport of(TrackedDataset dataset, List<CitationLink> links) {
        ReuseFigures figures = ReuseFigures.of(links);
        return new DatasetReuseReport(dataset.datasetId, dataset.title, dataset.withdrawn,
                new Counts(figures.citations(), figures.primary(), figures.reuses(), figures.selfReuses()),
                figures.byYear(),
                links.stream().sorted(REPORT_ORDER).map(DatasetReuseReport::citation).toList());
    }

    private static Citation citation(CitationLink link) {
        PublicationEntity p = link.publication;
        List<Evidence> evidence = link.evidence.stream()
                .sorted(Comparator.comparing((LinkEvidence e) -> e.observedAt).thenComparing(e -> e.kind))
                .map(e -> new Evidence(e.kind.code(), e.detail, e.observedAt))
                .toList();
        return new Citation(new CitingPublication(p.doi, p.pmid, p.pmcid, p.title, p.journal, p.year),
                link.relation, link.selfReuse, evidence);
    }
}
