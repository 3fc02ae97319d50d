package org.bioimagecatalog.reuse.report;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.io.Writer;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.bioimagecatalog.http.CsvWriter;
import org.bioimagecatalog.model.ModelJson;
import org.bioimagecatalog.reuse.dataset.Producer;

/**
 * Producer and repository reports, counted and paged by PostgreSQL ({@link ReportLines}): memory stays bounded
 * however many datasets an archive or a producer has; the CSV variants are streamed.
 */
@ApplicationScoped
public class ReuseReports {
    static final String CSV_HEADER = "dataset_id,title,sources,withdrawn,citations,primary,reuses,self_reuses,"
            + "reuses_by_year";

    private final ReportLines lines;

    public ReuseReports(ReportLines lines) {
        this.lines = lines;
    }

    @Transactional
    public ProducerReport forProducer(String orcid) {
        ReportLines.Selection selection = producer(orcid);
        ProducerReport.Totals totals = lines.totals(selection);
        if (totals.datasets() == 0) {
            throw new UnknownProducerException(orcid);
        }
        return new ProducerReport(orcid, lines.producerName(selection, orcid), totals, lines.reusesByYear(selection),
                lines.first(selection, Long.MAX_VALUE));
    }

    public String producerHtml(String orcid) {
        return HtmlReportPage.forProducer(forProducer(orcid));
    }

    @Transactional
    public RepositoryReport forRepository(String source, int limit) {
        ReportLines.Selection selection = repository(source);
        return new RepositoryReport(source, lines.totals(selection), lines.reusesByYear(selection),
                lines.first(selection, limit));
    }

    /** Fails with {@link UnknownProducerException} when no dataset lists the producer (before a stream starts). */
    @Transactional
    public void requireProducer(String orcid) {
        if (lines.totals(producer(orcid)).datasets() == 0) {
            throw new UnknownProducerException(orcid);
        }
    }

    /** The producer's datasets as CSV, streamed to {@code out}, most reused first. */
    public void producerCsv(String orcid, Writer out) {
        csv(producer(orcid), out);
    }

    /** The archive's datasets as CSV, streamed to {@code out}, most reused first. */
    public void repositoryCsv(String source, Writer out) {
        csv(repository(source), out);
    }

    private void csv(ReportLines.Selection selection, Writer out) {
        CsvWriter rows = new CsvWriter(out);
        rows.row(CSV_HEADER.split(","));
        QuarkusTransaction.requiringNew().run(() -> {
            try (Stream<DatasetFigures> all = lines.stream(selection, Long.MAX_VALUE)) {
                all.forEach(d -> rows.row(d.datasetId(), d.title(), String.join(";", d.sources()),
                        Boolean.toString(d.withdrawn()), Integer.toString(d.citations()), Integer.toString(d.primary()),
                        Integer.toString(d.reuses()), Integer.toString(d.selfReuses()), d.reusesByYear().entrySet()
                                .stream().map(e -> e.getKey() + ":" + e.getValue()).collect(Collectors.joining(";"))));
            }
        });
    }

    private static ReportLines.Selection producer(String orcid) {
        return new ReportLines.Selection("producers", ModelJson.write(List.of(new Producer(null, orcid))));
    }

    private static ReportLines.Selection repository(String source) {
        return new ReportLines.Selection("sources", ModelJson.write(List.of(source)));
    }
}
