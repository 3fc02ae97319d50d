package org.bioimagecatalog.http;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.List;

/**
 * The one CSV writer of the project (dataset and collection exports, reuse reports): RFC 4180 rows with CRLF line
 * ends, a cell quoted when it holds a comma, a quote or a line break, null as an empty cell, written to any
 * {@link Appendable} (a StringBuilder, or the response's Writer for a streamed export).
 *
 * <p>Cells come from upstream titles, Crossref, submitted citations and curator notes, so a cell a spreadsheet
 * would read as a formula is neutralised as OWASP's "CSV Injection" advice says: a cell starting with
 * {@code = + - @}, a tab or a carriage return gets a leading single quote and is quoted.
 */
public final class CsvWriter {
    public static final String MEDIA_TYPE = "text/csv; charset=utf-8";
    private static final String LINE_END = "\r\n";

    private final Appendable out;

    public CsvWriter(Appendable out) {
        this.out = out;
    }

    public CsvWriter row(String... cells) {
        return row(Arrays.asList(cells));
    }

    public CsvWriter row(List<String> cells) {
        try {
            out.append(line(cells));
        } catch (IOException e) {
            throw new UncheckedIOException("the CSV could not be written", e);
        }
        return this;
    }

    /** One row with its line end. */
    public static String line(List<String> cells) {
        StringBuilder line = new StringBuilder();
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                line.append(',');
            }
            line.append(cell(cells.get(i)));
        }
        return line.append(LINE_END).toString();
    }

    /** One cell as it is written: neutralised if a spreadsheet would take it for a formula, quoted if needed. */
    public static String cell(String value) {
        if (value == null || value.isEmpty()) {
            return "";
        }
        boolean formula = startsLikeAFormula(value);
        String text = formula ? "'" + value : value;
        if (formula || text.indexOf(',') >= 0 || text.indexOf('"') >= 0 || text.indexOf('\n') >= 0
                || text.indexOf('\r') >= 0) {
            return "\"" + text.replace("\"", "\"\"") + "\"";
        }
        return text;
    }

    static boolean startsLikeAFormula(String value) {
        char first = value.charAt(0);
        return first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r';
    }
}
