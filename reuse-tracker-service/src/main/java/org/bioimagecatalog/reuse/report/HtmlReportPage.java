package org.bioimagecatalog.reuse.report;

import java.util.List;
import java.util.stream.Collectors;
import org.bioimagecatalog.model.ids.Doi;
import org.bioimagecatalog.reuse.citation.CitationLink;
import org.bioimagecatalog.reuse.citation.PublicationEntity;
import org.bioimagecatalog.reuse.dataset.TrackedDataset;
import org.bioimagecatalog.reuse.summary.ReuseFigures;

/**
 * The printable credit pages (one per dataset, one per producer): self-contained HTML with inline CSS and a
 * server-side SVG chart of reuse per year; nothing is loaded from elsewhere.
 */
final class HtmlReportPage {
    private static final String CSS = """
            body{font-family:system-ui,-apple-system,"Segoe UI",sans-serif;margin:2rem auto;max-width:60rem;color:#1b1b1b}
            h1{font-size:1.5rem}h2{font-size:1.15rem;margin-top:2rem}
            table{border-collapse:collapse;width:100%;font-size:.9rem}
            th,td{border-bottom:1px solid #ccc;padding:.3rem .4rem;text-align:left;vertical-align:top}
            .figures{display:flex;gap:2rem}.figures div{font-size:.9rem}.figures strong{display:block;font-size:1.6rem}
            .chart .bar{fill:#2f6f9f}.chart .axis{stroke:#555}.chart text{font-size:11px;fill:#333}
            .muted{color:#666}
            @media print{body{margin:0;max-width:none}a{color:inherit;text-decoration:none}.chart .bar{fill:#555}
            tr{page-break-inside:avoid}}
            """;

    private HtmlReportPage() {}

    static String forDataset(TrackedDataset dataset, List<CitationLink> links) {
        ReuseFigures figures = ReuseFigures.of(links);
        StringBuilder body = new StringBuilder()
                .append("<h1>Reuse of ").append(Html.escape(dataset.title != null ? dataset.title : dataset.datasetId))
                .append("</h1><p class=\"muted\">Dataset <code>").append(Html.escape(dataset.datasetId)).append("</code>")
                .append(dataset.sources.isEmpty() ? "" : " · " + Html.escape(String.join(", ", dataset.sources)))
                .append(dataset.withdrawn ? " · withdrawn from the catalog" : "").append("</p>")
                .append(figures(figures.citations(), figures.primary(), figures.reuses(), figures.selfReuses()))
                .append("<h2>Reuse per year</h2>")
                .append(SvgBarChart.render(DatasetFigures.reusesByYear(links), "Reuses of " + dataset.datasetId + " per year"))
                .append("<h2>Citing works</h2><table><thead><tr><th>Year</th><th>Work</th><th>Relation</th>")
                .append("<th>Evidence</th></tr></thead><tbody>");
        for (CitationLink link : links) {
            PublicationEntity p = link.publication;
            body.append("<tr><td>").append(p.year == null ? "" : p.year).append("</td><td>").append(work(p))
                    .append("</td><td>").append(link.relation.name().toLowerCase(java.util.Locale.ROOT))
                    .append(link.selfReuse ? " (self)" : "").append("</td><td>")
                    .append(Html.escape(link.evidence.stream().map(e -> e.kind.code()).sorted()
                            .collect(Collectors.joining(", "))))
                    .append("</td></tr>");
        }
        body.append("</tbody></table>");
        return page("Reuse of " + dataset.datasetId, body.toString());
    }

    static String forProducer(ProducerReport report) {
        ProducerReport.Totals t = report.totals();
        StringBuilder body = new StringBuilder()
                .append("<h1>Data reuse credit: ").append(Html.escape(report.name() != null ? report.name() : report.orcid()))
                .append("</h1><p class=\"muted\">ORCID <a href=\"https://orcid.org/").append(Html.escape(report.orcid()))
                .append("\">").append(Html.escape(report.orcid())).append("</a> · ").append(t.datasets())
                .append(t.datasets() == 1 ? " dataset" : " datasets").append("</p>")
                .append(figures(t.citations(), t.primary(), t.reuses(), t.selfReuses()))
                .append("<h2>Reuse per year</h2>")
                .append(SvgBarChart.render(report.reusesByYear(), "Reuses of datasets by " + report.orcid() + " per year"))
                .append("<h2>Datasets</h2><table><thead><tr><th>Dataset</th><th>Archives</th><th>Reuses</th>")
                .append("<th>Self-reuses</th><th>Citations</th></tr></thead><tbody>");
        for (DatasetFigures d : report.datasets()) {
            body.append("<tr><td>").append(Html.escape(d.title() != null ? d.title() : d.datasetId()))
                    .append(" <span class=\"muted\">(").append(Html.escape(d.datasetId())).append(")</span></td><td>")
                    .append(Html.escape(String.join(", ", d.sources()))).append("</td><td>").append(d.reuses())
                    .append("</td><td>").append(d.selfReuses()).append("</td><td>").append(d.citations()).append("</td></tr>");
        }
        body.append("</tbody></table>");
        return page("Data reuse credit " + report.orcid(), body.toString());
    }

    private static String figures(int citations, int primary, int reuses, int selfReuses) {
        return "<div class=\"figures\"><div><strong>" + reuses + "</strong>reuses by others</div><div><strong>"
                + selfReuses + "</strong>self-reuses</div><div><strong>" + primary
                + "</strong>primary publications</div><div><strong>" + citations + "</strong>citations in all</div></div>";
    }

    private static String work(PublicationEntity p) {
        String title = Html.escape(p.title != null ? p.title : p.doi != null ? p.doi : "PMID " + p.pmid);
        String linked = p.doi != null ? "<a href=\"" + Html.escape(Doi.url(p.doi)) + "\">" + title + "</a>" : title;
        return linked + (p.journal != null ? " <span class=\"muted\">" + Html.escape(p.journal) + "</span>" : "");
    }

    private static String page(String title, String body) {
        return "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>" + Html.escape(title)
                + "</title><meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"><style>" + CSS
                + "</style></head><body>" + body + "<p class=\"muted\">BioImage Catalog reuse tracker</p></body></html>";
    }
}
