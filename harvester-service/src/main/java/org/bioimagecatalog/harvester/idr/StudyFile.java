package org.bioimagecatalog.harvester.idr;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The key/value rows of one IDR study file, in file order. A key may occur many times (one {@code Screen
 * Organism} row per screen block), and its cells are parallel columns: cell {@code i} of {@code Study Person
 * Last Name} belongs with cell {@code i} of {@code Study Person ORCID}, so empty cells inside a row are kept.
 */
public record StudyFile(String name, List<Row> rows) {

    public StudyFile {
        rows = List.copyOf(rows);
    }

    /** One line: its key and its cells, cleaned, trailing empty cells removed, inner empty cells kept as "". */
    public record Row(String key, List<String> cells) {
        public Row {
            cells = List.copyOf(cells);
        }

        public String cell(int index) {
            return index < cells.size() ? cells.get(index) : "";
        }

        public List<String> values() {
            return cells.stream().filter(c -> !c.isEmpty()).toList();
        }

        boolean hasKey(String wanted) {
            return key.equalsIgnoreCase(wanted);
        }
    }

    /** Every row with this key (case-insensitive), in file order. */
    public List<Row> rowsOf(String key) {
        return rows.stream().filter(r -> r.hasKey(key)).toList();
    }

    /** The first row with this key whose cells are not all empty, falling back to the first row at all. */
    public Optional<Row> row(String key) {
        List<Row> found = rowsOf(key);
        return found.stream().filter(r -> !r.values().isEmpty()).findFirst().or(() -> found.stream().findFirst());
    }

    /** The first non-empty cell of the first row with this key. */
    public Optional<String> first(String key) {
        return row(key).flatMap(r -> r.values().stream().findFirst());
    }

    /** The non-empty cells of every row with this key. */
    public List<String> values(String key) {
        return rowsOf(key).stream().flatMap(r -> r.values().stream()).toList();
    }

    /**
     * The row with {@code key} that belongs to {@code anchor}: the first one after it and before the next row
     * with the anchor's own key (so a block's {@code Screen Organism Term Accession} pairs with its own
     * {@code Screen Organism}, even when another block lacks the line).
     */
    public Optional<Row> companion(Row anchor, String key) {
        int start = -1;
        for (int i = 0; i < rows.size(); i++) {
            if (rows.get(i) == anchor) {
                start = i;
                break;
            }
        }
        if (start < 0) {
            return Optional.empty();
        }
        for (int i = start + 1; i < rows.size(); i++) {
            Row row = rows.get(i);
            if (row.hasKey(anchor.key())) {
                return Optional.empty();
            }
            if (row.hasKey(key)) {
                return Optional.of(row);
            }
        }
        return Optional.empty();
    }

    public boolean has(String key) {
        String wanted = key.toLowerCase(Locale.ROOT);
        return rows.stream().anyMatch(r -> r.key().toLowerCase(Locale.ROOT).equals(wanted) && !r.values().isEmpty());
    }
}
