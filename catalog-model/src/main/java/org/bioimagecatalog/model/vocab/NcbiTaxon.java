package org.bioimagecatalog.model.vocab;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.bioimagecatalog.model.Organism;

/**
 * NCBI Taxonomy look-ups: accessions written {@code NCBITaxon_9606}, {@code NCBITaxon:9606}, an obo URL or a
 * bare {@code 9606}; and the organisms common in bioimaging by scientific and common name.
 */
public final class NcbiTaxon {
    private static final Pattern ID = Pattern.compile(
            "^(?i)(?:https?://purl\\.obolibrary\\.org/obo/)?(?:NCBITaxon[_:])?(\\d{1,8})$");

    /** Scientific name → taxon id, for sources that give a name without an id. */
    private static final Map<String, String> BY_NAME = Map.ofEntries(
            Map.entry("homo sapiens", "9606"),
            Map.entry("mus musculus", "10090"),
            Map.entry("rattus norvegicus", "10116"),
            Map.entry("danio rerio", "7955"),
            Map.entry("drosophila melanogaster", "7227"),
            Map.entry("caenorhabditis elegans", "6239"),
            Map.entry("saccharomyces cerevisiae", "4932"),
            Map.entry("schizosaccharomyces pombe", "4896"),
            Map.entry("arabidopsis thaliana", "3702"),
            Map.entry("escherichia coli", "562"),
            Map.entry("xenopus laevis", "8355"),
            Map.entry("gallus gallus", "9031"),
            Map.entry("sus scrofa", "9823"),
            Map.entry("bos taurus", "9913"),
            Map.entry("macaca mulatta", "9544"),
            Map.entry("plasmodium falciparum", "5833"),
            Map.entry("staphylococcus aureus", "1280"),
            Map.entry("severe acute respiratory syndrome coronavirus 2", "2697049"));

    /** Common names people type into a search box → taxon id. */
    private static final Map<String, String> COMMON_NAMES = Map.ofEntries(
            Map.entry("human", "9606"),
            Map.entry("mouse", "10090"),
            Map.entry("rat", "10116"),
            Map.entry("zebrafish", "7955"),
            Map.entry("fruit fly", "7227"),
            Map.entry("fly", "7227"),
            Map.entry("worm", "6239"),
            Map.entry("budding yeast", "4932"),
            Map.entry("fission yeast", "4896"),
            Map.entry("yeast", "4932"),
            Map.entry("thale cress", "3702"),
            Map.entry("chicken", "9031"),
            Map.entry("frog", "8355"),
            Map.entry("sars-cov-2", "2697049"));

    private NcbiTaxon() {}

    /** The bare numeric id of an accession in any of its written forms. */
    public static Optional<String> parseId(String accession) {
        if (accession == null) {
            return Optional.empty();
        }
        var m = ID.matcher(accession.strip());
        return m.matches() ? Optional.of(m.group(1).replaceFirst("^0+(?=\\d)", "")) : Optional.empty();
    }

    public static Optional<String> idForName(String name) {
        if (name == null) {
            return Optional.empty();
        }
        String key = name.strip().toLowerCase(Locale.ROOT);
        return Optional.ofNullable(BY_NAME.getOrDefault(key, COMMON_NAMES.get(key)));
    }

    /** An organism from a label and an optional accession; the id falls back to a name look-up. */
    public static Organism organism(String label, String accession) {
        String id = parseId(accession).or(() -> idForName(label)).orElse(null);
        return new Organism(label == null || label.isBlank() ? null : label.strip(), id);
    }

    public static String curie(String id) {
        return "NCBITaxon:" + id;
    }
}
