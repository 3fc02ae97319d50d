package org.bioimagecatalog.reuse.report;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;
import org.bioimagecatalog.model.Identifier;
import org.bioimagecatalog.model.ids.Doi;
import org.bioimagecatalog.reuse.citation.CitationLink;
import org.bioimagecatalog.reuse.citation.LinkRelation;
import org.bioimagecatalog.reuse.citation.PublicationEntity;
import org.bioimagecatalog.http.CsvWriter;
import org.bioimagecatalog.reuse.dataset.TrackedDataset;
import org.bioimagecatalog.reuse.dataset.UnknownDatasetException;

/** A dataset's links as CSV and as Scholix, and its HTML report page. */
@ApplicationScoped
public class DatasetExports {
    public static final String CSV_HEADER = "dataset_id,relation,self_reuse,doi,pmid,pmcid,title,journal,year,evidence,how_found";
    private static final String PROVIDER = "BioImage Catalog reuse tracker";

    @Transactional
    public String csv(String datasetId) {
        dataset(datasetId);
        StringBuilder csv = new StringBuilder(CSV_HEADER).append("\r\n");
        CsvWriter rows = new CsvWriter(csv);
        for (CitationLink link : ordered(datasetId)) {
            PublicationEntity p = link.publication;
            rows.row(link.datasetId, link.relation.name(), Boolean.toString(link.selfReuse), p.doi, p.pmid,
                    p.pmcid, p.title, p.journal, p.year == null ? null : p.year.toString(),
                    link.evidence.stream().map(e -> e.kind.code()).sorted().collect(Collectors.joining(";")),
                    link.howFound == null ? null : link.howFound.code());
        }
        return csv.toString();
    }

    @Transactional
    public List<ScholixLink> scholix(String datasetId) {
        TrackedDataset dataset = dataset(datasetId);
        ScholixLink.Target target = new ScholixLink.Target(preferredIdentifier(dataset),
                new ScholixLink.TypeName("dataset"), titles(dataset.title));
        List<ScholixLink> links = new ArrayList<>();
        for (CitationLink link : ordered(datasetId)) {
            PublicationEntity p = link.publication;
            List<ScholixLink.Id> workIds = new ArrayList<>();
            if (p.doi != null) {
                workIds.add(new ScholixLink.Id(p.doi, "doi", Doi.url(p.doi)));
            }
            if (p.pmid != null) {
                workIds.add(new ScholixLink.Id(p.pmid, "pmid", "https://pubmed.ncbi.nlm.nih.gov/" + p.pmid + "/"));
            }
            if (p.pmcid != null) {
                workIds.add(new ScholixLink.Id(p.pmcid, "pmc", "https://www.ncbi.nlm.nih.gov/pmc/articles/" + p.pmcid + "/"));
            }
            String firstSeen = link.evidence.stream().map(e -> e.observedAt).min(Comparator.naturalOrder())
                    .orElse(link.createdAt).atOffset(ZoneOffset.UTC).toLocalDate().toString();
            String providers = link.evidence.stream().map(e -> e.kind.code()).sorted().collect(Collectors.joining(", "));
            links.add(new ScholixLink(firstSeen, List.of(new ScholixLink.Provider(PROVIDER + " (" + providers + ")")),
                    link.relation == LinkRelation.PRIMARY
                            ? new ScholixLink.Relationship("IsSupplementedBy", null, null)
                            : new ScholixLink.Relationship("References", "Cites",
                                    "http://schema.datacite.org/meta/kernel-4/metadata.xsd"),
                    new ScholixLink.Source(workIds, new ScholixLink.TypeName("literature"), titles(p.title),
                            p.year == null ? null : p.year.toString()),
                    target));
        }
        return links;
    }

    /** The dataset's DOI if it has one, else its first accession, else its catalog id. */
    private static ScholixLink.Id preferredIdentifier(TrackedDataset dataset) {
        return dataset.identifiers.stream().filter(id -> Identifier.DOI.equals(id.scheme())).findFirst()
                .map(id -> new ScholixLink.Id(id.value(), "doi", Doi.url(id.value())))
                .or(() -> dataset.identifiers.stream().findFirst().map(id -> new ScholixLink.Id(id.value(), id.scheme(), null)))
                .orElse(new ScholixLink.Id(dataset.datasetId, "bioimagecatalog", null));
    }

    private static List<String> titles(String title) {
        return title == null || title.isBlank() ? null : List.of(title);
    }

    @Transactional
    public String html(String datasetId) {
        TrackedDataset dataset = dataset(datasetId);
        List<CitationLink> links = ordered(datasetId);
        return HtmlReportPage.forDataset(dataset, links);
    }

    private static TrackedDataset dataset(String datasetId) {
        return TrackedDataset.<TrackedDataset>findByIdOptional(datasetId)
                .orElseThrow(() -> new UnknownDatasetException(datasetId));
    }

    /** PRIMARY first, then newest year first, as in the JSON report. */
    static List<CitationLink> ordered(String datasetId) {
        return CitationLink.listForDataset(datasetId).stream()
                .sorted(Comparator.comparing((CitationLink l) -> l.relation == LinkRelation.PRIMARY ? 0 : 1)
                        .thenComparing(l -> l.publication.year, Comparator.nullsLast(Comparator.reverseOrder()))
                        .thenComparing(l -> l.publication.id))
                .toList();
    }
}
