package org.bioimagecatalog.reuse.report;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.bioimagecatalog.http.CsvWriter;
import org.bioimagecatalog.model.ModelJson;
import org.bioimagecatalog.reuse.citation.CitationLink;
import org.bioimagecatalog.reuse.dataset.Producer;
import org.bioimagecatalog.reuse.dataset.TrackedDataset;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Producer and repository reports. Datasets are found through the jsonb GIN indexes on
 * {@code tracked_dataset.producers} / {@code sources}; all their links are then loaded in one query.
 */
@ApplicationScoped
public class ReuseReports {
    static final Comparator<DatasetFigures> MOST_REUSED = Comparator.comparingInt(DatasetFigures::reuses).reversed()
            .thenComparing(Comparator.comparingInt(DatasetFigures::citations).reversed())
            .thenComparing(DatasetFigures::datasetId);

    private final EntityManager em;
    private final String schema;

    public ReuseReports(EntityManager em,
            @ConfigProperty(name = "quarkus.hibernate-orm.database.default-schema") String schema) {
        this.em = em;
        this.schema = schema;
    }

    @Transactional
    public ProducerReport forProducer(String orcid) {
        List<TrackedDataset> datasets = datasetsWhere("producers", ModelJson.write(List.of(new Producer(null, orcid))));
        if (datasets.isEmpty()) {
            throw new UnknownProducerException(orcid);
        }
        String name = datasets.stream().flatMap(d -> d.producers.stream())
                .filter(p -> orcid.equals(p.orcid()) && p.name() != null).map(Producer::name).findFirst().orElse(null);
        List<DatasetFigures> lines = figures(datasets);
        return new ProducerReport(orcid, name, ProducerReport.Totals.of(lines), DatasetFigures.sum(lines), lines);
    }

    public String producerHtml(String orcid) {
        return HtmlReportPage.forProducer(forProducer(orcid));
    }

    /** One line per dataset: the producer's or the repository's datasets as a spreadsheet. */
    public static String csv(List<DatasetFigures> lines) {
        StringBuilder csv = new StringBuilder("dataset_id,title,sources,withdrawn,citations,primary,reuses,self_reuses,"
                + "reuses_by_year\r\n");
        CsvWriter rows = new CsvWriter(csv);
        for (DatasetFigures d : lines) {
            rows.row(d.datasetId(), d.title(), String.join(";", d.sources()), Boolean.toString(d.withdrawn()),
                    Integer.toString(d.citations()), Integer.toString(d.primary()), Integer.toString(d.reuses()),
                    Integer.toString(d.selfReuses()), d.reusesByYear().entrySet().stream()
                            .map(e -> e.getKey() + ":" + e.getValue()).collect(Collectors.joining(";")));
        }
        return csv.toString();
    }

    @Transactional
    public RepositoryReport forRepository(String source, int limit) {
        List<DatasetFigures> lines = figures(datasetsWhere("sources", ModelJson.write(List.of(source))));
        return new RepositoryReport(source, ProducerReport.Totals.of(lines), DatasetFigures.sum(lines),
                lines.stream().limit(limit).toList());
    }

    private List<DatasetFigures> figures(List<TrackedDataset> datasets) {
        Map<String, List<CitationLink>> links = CitationLink.listForDatasets(
                datasets.stream().map(d -> d.datasetId).toList()).stream()
                .collect(Collectors.groupingBy(l -> l.datasetId));
        return datasets.stream().map(d -> DatasetFigures.of(d, links.getOrDefault(d.datasetId, List.of())))
                .sorted(MOST_REUSED).toList();
    }

    @SuppressWarnings("unchecked")
    private List<TrackedDataset> datasetsWhere(String jsonbColumn, String containedJson) {
        List<String> ids = em.createNativeQuery("select dataset_id from " + schema + ".tracked_dataset where "
                + jsonbColumn + " @> cast(?1 as jsonb)").setParameter(1, containedJson).getResultList();
        if (ids.isEmpty()) {
            return List.of();
        }
        return TrackedDataset.<TrackedDataset>list("datasetId in ?1", ids).stream()
                .sorted(Comparator.comparing((TrackedDataset d) -> d.datasetId)).collect(Collectors.toList());
    }
}
