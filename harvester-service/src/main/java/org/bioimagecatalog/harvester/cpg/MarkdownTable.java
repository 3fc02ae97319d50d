package org.bioimagecatalog.harvester.cpg;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A pipe table of a Markdown document (GitHub flavour): a header row, a {@code |--|--|} separator row, then rows
 * until the first line that is not a table line. Header cells are reduced to their text (the Gallery wraps some in
 * {@code <div style=…>}). Rows keep their 1-based line number, so a rejection can say where the bad row is.
 */
record MarkdownTable(List<String> header, List<Row> rows) {
    private static final Pattern SEPARATOR = Pattern.compile("^\\|?\\s*:?-{2,}:?\\s*(\\|\\s*:?-{2,}:?\\s*)*\\|?\\s*$");
    private static final Pattern TAG = Pattern.compile("<[^>]+>");

    record Row(int line, List<String> cells) {}

    /** Every table of the document, in order. */
    static List<MarkdownTable> all(String markdown) {
        String[] lines = markdown.split("\\r\\n|\\r|\\n", -1);
        List<MarkdownTable> tables = new ArrayList<>();
        for (int i = 0; i + 1 < lines.length; i++) {
            if (isTableLine(lines[i]) && SEPARATOR.matcher(lines[i + 1].strip()).matches()) {
                List<String> header = cells(lines[i]).stream()
                        .map(c -> TAG.matcher(c).replaceAll("").strip()).toList();
                List<Row> rows = new ArrayList<>();
                int j = i + 2;
                for (; j < lines.length && isTableLine(lines[j]); j++) {
                    rows.add(new Row(j + 1, cells(lines[j])));
                }
                tables.add(new MarkdownTable(header, List.copyOf(rows)));
                i = j - 1;
            }
        }
        return tables;
    }

    /** The column whose header equals {@code name} (ignoring case), or -1. */
    int column(String name) {
        for (int i = 0; i < header.size(); i++) {
            if (header.get(i).equalsIgnoreCase(name)) {
                return i;
            }
        }
        return -1;
    }

    boolean hasColumns(String... names) {
        for (String name : names) {
            if (column(name) < 0) {
                return false;
            }
        }
        return true;
    }

    private static boolean isTableLine(String line) {
        return line.strip().startsWith("|");
    }

    /** The cells of a table line: split on {@code |} outside inline code, the outer pipes dropped. */
    static List<String> cells(String line) {
        String l = line.strip();
        if (l.startsWith("|")) {
            l = l.substring(1);
        }
        if (l.endsWith("|") && !l.endsWith("\\|")) {
            l = l.substring(0, l.length() - 1);
        }
        List<String> cells = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean code = false;
        for (int i = 0; i < l.length(); i++) {
            char c = l.charAt(i);
            if (c == '\\' && i + 1 < l.length() && l.charAt(i + 1) == '|') {
                cell.append('|');
                i++;
            } else if (c == '`') {
                code = !code;
                cell.append(c);
            } else if (c == '|' && !code) {
                cells.add(cell.toString().strip());
                cell.setLength(0);
            } else {
                cell.append(c);
            }
        }
        cells.add(cell.toString().strip());
        return cells;
    }
}
