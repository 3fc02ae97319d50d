package org.bioimagecatalog.model.vocab;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.bioimagecatalog.model.TermRef;

/**
 * The bundled NCBI Taxonomy subset ({@code /vocab/taxa.tsv}: the taxa of the recorded archives and the model
 * organisms, with common names, synonyms and lineage) and the reviewed strain/breed mapping
 * ({@code /vocab/organism-aliases.tsv}). Every look-up answers only when it names exactly one taxon.
 */
public final class TaxonTable {
    // before BUNDLED, whose construction uses them
    private static final Pattern WHITESPACE = Pattern.compile("\\s+");
    private static final Pattern DOT = Pattern.compile("\\.\\s*");
    private static final TaxonTable BUNDLED = new TaxonTable(
            VocabResource.rows("/vocab/taxa.tsv"), VocabResource.rows("/vocab/organism-aliases.tsv"));

    private final Map<String, Taxon> byId = new LinkedHashMap<>();
    private final Map<String, String> scientific = new HashMap<>();
    private final Map<String, Set<String>> common = new HashMap<>();
    private final Map<String, String> aliases = new HashMap<>();
    private final Map<String, Set<String>> abbreviated = new HashMap<>();
    private final Map<String, List<String>> synonyms = new HashMap<>();
    private final Map<String, Set<String>> descendants = new HashMap<>();

    TaxonTable(List<String[]> taxa, List<String[]> aliasRows) {
        for (String[] row : taxa) {
            String id = row[0].strip();
            List<TermRef> lineage = new ArrayList<>();
            for (String step : VocabResource.list(row[5])) {
                int colon = step.indexOf(':');
                lineage.add(new TermRef(step.substring(0, colon), step.substring(colon + 1)));
            }
            Taxon taxon = new Taxon(id, row[1].strip(), row[2].strip(), VocabResource.list(row[3]), lineage);
            byId.put(id, taxon);
            synonyms.put(id, VocabResource.list(row[4]));
            index(scientific, taxon.scientificName(), id);
            synonyms.get(id).forEach(s -> index(scientific, s, id));
            taxon.commonNames().forEach(c -> common.computeIfAbsent(key(c), k -> new LinkedHashSet<>()).add(id));
            abbreviation(taxon.scientificName()).ifPresent(a -> abbreviated.computeIfAbsent(a, k -> new LinkedHashSet<>()).add(id));
            lineage.forEach(a -> descendants.computeIfAbsent(a.id(), k -> new LinkedHashSet<>()).add(id));
        }
        for (String[] row : aliasRows) {
            String id = row[1].strip();
            if (!byId.containsKey(id)) {
                throw new IllegalStateException("organism alias " + row[0] + " names taxon " + id + ", not in taxa.tsv");
            }
            aliases.put(key(row[0]), id);
        }
    }

    public static TaxonTable bundled() {
        return BUNDLED;
    }

    public Optional<Taxon> byId(String id) {
        return Optional.ofNullable(id == null ? null : byId.get(id));
    }

    /** Scientific name or NCBI synonym, case-insensitive. */
    public Optional<Taxon> byScientificName(String name) {
        return Optional.ofNullable(scientific.get(key(name))).flatMap(this::byId);
    }

    /** A common name ("mouse", "zebrafish", "fruit fly") that names one taxon. */
    public Optional<Taxon> byCommonName(String name) {
        return unique(common.get(key(name)));
    }

    /** "M. musculus", "X. laevis": only when one taxon of the table has that abbreviation. */
    public Optional<Taxon> byAbbreviation(String name) {
        return unique(abbreviated.get(key(name)));
    }

    /** A strain, breed or laboratory line from the reviewed mapping ("Wistar rat", "C57BL/6"). */
    public Optional<Taxon> byAlias(String name) {
        return Optional.ofNullable(aliases.get(key(name))).flatMap(this::byId);
    }

    /**
     * A near miss ("Mus muculus", "M. muculus"): the one scientific name or abbreviation within edit distance 2.
     * Short labels are never corrected: at that length two edits make a different word.
     */
    public Optional<Taxon> byNearMiss(String name) {
        String k = key(name);
        if (k.length() < 8 || !k.contains(" ")) {
            return Optional.empty();
        }
        Set<String> hits = new HashSet<>();
        scientific.forEach((n, id) -> {
            if (EditDistance.atMost(k, n, 2)) {
                hits.add(id);
            }
        });
        abbreviated.forEach((a, ids) -> {
            if (EditDistance.atMost(k, a, 2)) {
                hits.addAll(ids);
            }
        });
        return unique(hits);
    }

    /** Scientific name, synonyms and common names: the words a query may use for a taxon. */
    public List<String> names(String id) {
        Taxon t = byId.get(id);
        if (t == null) {
            return List.of();
        }
        List<String> names = new ArrayList<>();
        names.add(t.scientificName());
        names.addAll(synonyms.getOrDefault(id, List.of()));
        names.addAll(t.commonNames());
        return List.copyOf(names);
    }

    /** Every taxon of the table below {@code id} (not itself). */
    public Set<String> descendants(String id) {
        return Set.copyOf(descendants.getOrDefault(id, Set.of()));
    }

    public Collection<Taxon> all() {
        return List.copyOf(byId.values());
    }

    private Optional<Taxon> unique(Set<String> ids) {
        return ids != null && ids.size() == 1 ? byId(ids.iterator().next()) : Optional.empty();
    }

    private static void index(Map<String, String> map, String name, String id) {
        String previous = map.putIfAbsent(key(name), id);
        if (previous != null && !previous.equals(id)) {
            throw new IllegalStateException("taxa.tsv names two taxa " + name + ": " + previous + ", " + id);
        }
    }

    /** "mus musculus" → "m. musculus"; a one-word name has no abbreviation. */
    private static Optional<String> abbreviation(String scientificName) {
        String k = key(scientificName);
        int space = k.indexOf(' ');
        if (space < 0 || k.indexOf('.') >= 0 && k.indexOf('.') < space) {
            return Optional.empty();
        }
        return Optional.of(k.charAt(0) + ". " + k.substring(space + 1));
    }

    static String key(String name) {
        if (name == null) {
            return "";
        }
        String spaced = WHITESPACE.matcher(name.strip()).replaceAll(" ");
        return DOT.matcher(spaced).replaceAll(". ").strip().toLowerCase(Locale.ROOT);
    }
}
