package org.bioimagecatalog.reuse.citation;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One citation link as the citations API shows it: the work, the dataset, the relation and every evidence. */
@Schema(name = "CitationLink")
public record CitationView(
        @Schema(examples = "42") long id,
        @Schema(examples = "idr0001") String datasetId,
        Work publication,
        @Schema(enumeration = {"PRIMARY", "REUSE"}) LinkRelation relation,
        @Schema(description = "the work is by (some of) the dataset's own producers") boolean selfReuse,
        @Schema(enumeration = {"search-engine", "this-catalog", "the-paper", "a-colleague", "datathon-training", "other"})
        String howFound,
        List<EvidenceEntry> evidence) {

    @Schema(name = "CitationWork")
    public record Work(String doi, String pmid, String pmcid, String title, String journal, Integer year, String authors) {}

    @Schema(name = "CitationEvidence")
    public record EvidenceEntry(String kind, String detail, Instant observedAt) {}

    public static CitationView of(CitationLink link) {
        PublicationEntity p = link.publication;
        return new CitationView(link.id, link.datasetId,
                new Work(p.doi, p.pmid, p.pmcid, p.title, p.journal, p.year, p.authors),
                link.relation, link.selfReuse, link.howFound == null ? null : link.howFound.code(),
                link.evidence.stream()
                        .sorted(Comparator.comparing((LinkEvidence e) -> e.observedAt).thenComparing(e -> e.kind))
                        .map(e -> new EvidenceEntry(e.kind.code(), e.detail, e.observedAt)).toList());
    }
}
