package org.bioimagecatalog.model.vocab;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The bundled Cellosaurus subset ({@code /vocab/cell-lines.tsv}): the cell lines of the recorded archives and the
 * common lines, by name and by the spellings archives use ("U2OS", "U-2 OS"). Names match ignoring case, spaces,
 * hyphens and dots. A row without an accession is a generic cell type (iPSC) that names no single line.
 */
public final class CellLineTable {
    // before BUNDLED, whose construction uses it
    private static final Pattern SEPARATORS = Pattern.compile("[\\s.\\-_]+");
    private static final CellLineTable BUNDLED = new CellLineTable(VocabResource.rows("/vocab/cell-lines.tsv"));

    /** One line: Cellosaurus accession (null for a generic cell type), name, species taxon id (null if unsaid). */
    public record Line(String accession, String name, String ncbiTaxonId) {}

    private final Map<String, Line> byName = new HashMap<>();
    private final Map<String, Line> byAccession = new HashMap<>();

    CellLineTable(List<String[]> rows) {
        for (String[] row : rows) {
            Line line = new Line(blankToNull(row[0]), row[1].strip(), blankToNull(row[3]));
            if (line.accession() != null) {
                byAccession.put(line.accession().toUpperCase(Locale.ROOT), line);
            }
            index(line.name(), line);
            VocabResource.list(row[2]).forEach(s -> index(s, line));
        }
    }

    public static CellLineTable bundled() {
        return BUNDLED;
    }

    /** The line a label names: a Cellosaurus accession or a name or spelling of the table. */
    public Optional<Line> find(String label) {
        if (label == null || label.isBlank()) {
            return Optional.empty();
        }
        Line byAcc = byAccession.get(label.strip().toUpperCase(Locale.ROOT).replace(':', '_'));
        return byAcc != null ? Optional.of(byAcc) : Optional.ofNullable(byName.get(key(label)));
    }

    private void index(String name, Line line) {
        Line previous = byName.putIfAbsent(key(name), line);
        if (previous != null && !previous.equals(line)) {
            throw new IllegalStateException("cell-lines.tsv spells two lines " + name);
        }
    }

    private static String key(String name) {
        return SEPARATORS.matcher(name.strip().toLowerCase(Locale.ROOT)).replaceAll("");
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
