package org.bioimagecatalog.model.vocab;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.bioimagecatalog.model.Organism;

/**
 * NCBI Taxonomy look-ups over the bundled table ({@link TaxonTable}): accessions written {@code NCBITaxon_9606},
 * {@code NCBITaxon:9606}, an obo URL or a bare {@code 9606}; taxa by scientific name, synonym, common name or a
 * reviewed strain/breed name; and, for search, a taxon's names and descendants. The full rules for archive labels
 * (abbreviations, near misses, cell lines, the online step) are the {@link MetadataNormaliser}'s.
 */
public final class NcbiTaxon {
    private static final Pattern ID = Pattern.compile(
            "^(?i)(?:https?://purl\\.obolibrary\\.org/obo/)?(?:NCBITaxon[_:]\\s*)?(\\d{1,8})$");
    private static final Pattern LEADING_ZEROS = Pattern.compile("^0+(?=\\d)");

    private NcbiTaxon() {}

    /** The bare numeric id of an accession in any of its written forms. */
    public static Optional<String> parseId(String accession) {
        if (accession == null) {
            return Optional.empty();
        }
        var m = ID.matcher(accession.strip());
        return m.matches() ? Optional.of(LEADING_ZEROS.matcher(m.group(1)).replaceFirst("")) : Optional.empty();
    }

    /** The taxon a scientific name, synonym, common name or strain/breed names, case-insensitive. */
    public static Optional<String> idForName(String name) {
        if (name == null || name.isBlank()) {
            return Optional.empty();
        }
        TaxonTable table = TaxonTable.bundled();
        return table.byScientificName(name).or(() -> table.byCommonName(name)).or(() -> table.byAlias(name)).map(Taxon::id);
    }

    /** The bundled taxon of an id, with its names, rank and lineage. */
    public static Optional<Taxon> taxon(String id) {
        return parseId(id).flatMap(TaxonTable.bundled()::byId);
    }

    /** Scientific name, synonyms and common names of a taxon: the words a query for it may use. */
    public static List<String> names(String id) {
        return parseId(id).map(TaxonTable.bundled()::names).orElse(List.of());
    }

    /** Every taxon of the bundled table under {@code id} ("Mammalia" → human, mouse, …), not the taxon itself. */
    public static Set<String> descendants(String id) {
        return parseId(id).map(TaxonTable.bundled()::descendants).orElse(Set.of());
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
