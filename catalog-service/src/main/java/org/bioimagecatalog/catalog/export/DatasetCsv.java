package org.bioimagecatalog.catalog.export;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.bioimagecatalog.model.DatasetMetadata;
import org.bioimagecatalog.model.events.SourceRecordRef;

/**
 * A page of datasets as RFC 4180 CSV (CRLF line ends, fields quoted when they hold a comma, quote or line
 * break). Multi-valued cells are joined with {@code "; "}. One header row, one row per dataset. Terms are
 * written by canonical name (the source's label where unresolved) with their ids in the next column.
 */
public final class DatasetCsv {
    public static final String MEDIA_TYPE = "text/csv";
    public static final List<String> COLUMNS = List.of("id", "title", "sources", "doi", "organisms",
            "ncbiTaxonIds", "imagingMethods", "fbbiIds", "cellLines", "cellosaurusIds", "formats", "formatIds", "license", "released", "qualityScore", "landingPage", "url");

    /** One dataset's values, in the order of {@link #COLUMNS}. */
    public record Row(String id, List<SourceRecordRef> sources, DatasetMetadata m, Integer qualityScore, String self) {}

    private DatasetCsv() {}

    public static String of(List<Row> rows) {
        StringBuilder csv = new StringBuilder();
        line(csv, COLUMNS);
        rows.forEach(row -> line(csv, cells(row)));
        return csv.toString();
    }

    /** The same columns plus a last {@code note} column (a collection's note per dataset). */
    public static String withNotes(List<Row> rows, List<String> notes) {
        StringBuilder csv = new StringBuilder();
        List<String> header = new ArrayList<>(COLUMNS);
        header.add("note");
        line(csv, header);
        for (int i = 0; i < rows.size(); i++) {
            List<String> cells = new ArrayList<>(cells(rows.get(i)));
            cells.add(text(notes.get(i)));
            line(csv, cells);
        }
        return csv.toString();
    }

    private static List<String> cells(Row row) {
        DatasetMetadata m = row.m();
        return List.of(
                    row.id(),
                    text(m.title()),
                    row.sources().stream().map(SourceRecordRef::key).collect(Collectors.joining("; ")),
                    ExportTerms.dataDoi(m).orElse(""),
                    names(m.organisms().stream().map(TermSubjects::organism)),
                    m.organisms().stream().map(o -> text(o.ncbiTaxonId())).filter(s -> !s.isEmpty())
                            .collect(Collectors.joining("; ")),
                    names(m.imagingMethods().stream().map(TermSubjects::imagingMethod)),
                    ids(m.imagingMethods().stream().map(TermSubjects::imagingMethod)),
                    names(m.cellLines().stream().map(TermSubjects::cellLine)),
                    ids(m.cellLines().stream().map(TermSubjects::cellLine)),
                    names(m.formats().stream().map(TermSubjects::format)),
                    ids(m.formats().stream().map(TermSubjects::format)),
                    m.license() == null ? "" : text(m.license().spdx() != null ? m.license().spdx() : m.license().label()),
                    m.released() == null ? "" : m.released().toString(),
                    row.qualityScore() == null ? "" : row.qualityScore().toString(),
                    text(m.landingPage()),
                    row.self());
    }

    /** Canonical names (the source's label where unresolved), one per value. */
    private static String names(Stream<TermSubjects.Subject> terms) {
        return terms.map(t -> text(t.subject())).collect(Collectors.joining("; "));
    }

    private static String ids(Stream<TermSubjects.Subject> terms) {
        return terms.map(TermSubjects.Subject::id).filter(id -> id != null).collect(Collectors.joining("; "));
    }

    private static void line(StringBuilder csv, List<String> cells) {
        csv.append(cells.stream().map(DatasetCsv::quote).collect(Collectors.joining(","))).append("\r\n");
    }

    static String quote(String cell) {
        if (cell.contains(",") || cell.contains("\"") || cell.contains("\n") || cell.contains("\r")) {
            return "\"" + cell.replace("\"", "\"\"") + "\"";
        }
        return cell;
    }

    private static String text(String value) {
        return value == null ? "" : value;
    }
}
