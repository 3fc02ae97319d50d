package org.bioimagecatalog.model.vocab;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.bioimagecatalog.model.CellLine;
import org.bioimagecatalog.model.DatasetMetadata;
import org.bioimagecatalog.model.Organism;

/**
 * Organisms to NCBI taxa; cell lines out to {@code cellLines} with their species as the organism. Rules, first
 * answer wins: a cell line; an id the source gave or wrote as the label (when the table knows it, else the exact
 * name when the table knows that, else the online answer for the id, else the id as given unless NCBI answered
 * that it has no such taxon); the scientific name or an NCBI synonym
 * (a parenthesised common name stripped, or the parenthesis itself tried); a common name; a genus abbreviation
 * that the table makes unique; a reviewed strain or breed; a near miss within edit distance 2 that names one
 * taxon; the online resolver. A label nothing resolves stays as it is, without an id: never dropped, never guessed.
 */
final class OrganismNormaliser {
    private static final Pattern PARENTHESIS = Pattern.compile("^(.*?)\\s*\\(([^()]*)\\)\\s*$");

    private final TaxonResolver onlineTaxa;
    private final TaxonTable taxa;
    private final CellLineTable cellLines;

    OrganismNormaliser(TaxonResolver onlineTaxa) {
        this(onlineTaxa, TaxonTable.bundled(), CellLineTable.bundled());
    }

    OrganismNormaliser(TaxonResolver onlineTaxa, TaxonTable taxa, CellLineTable cellLines) {
        this.onlineTaxa = onlineTaxa;
        this.taxa = taxa;
        this.cellLines = cellLines;
    }

    /** Reads the source's values from {@code source} and writes the harmonised ones into {@code target}. */
    void normalise(DatasetMetadata source, DatasetMetadata.Builder target) {
        List<Organism> organisms = new ArrayList<>();
        List<String> lineSpecies = new ArrayList<>();
        target.clearCellLines();
        for (CellLine line : source.cellLines()) {
            CellLine resolved = cellLine(line);
            target.cellLine(resolved);
            if (resolved.ncbiTaxonId() != null) {
                lineSpecies.add(resolved.ncbiTaxonId());
            }
        }
        for (Organism o : source.organisms()) {
            String label = o.label() == null || o.label().isBlank() ? null : o.label().strip();
            Optional<CellLineTable.Line> line = label == null ? Optional.empty() : cellLines.find(label);
            if (line.isPresent()) {
                String species = line.get().ncbiTaxonId() != null ? line.get().ncbiTaxonId() : sourceId(o);
                target.cellLine(new CellLine(label, line.get().accession(), line.get().name(), species));
                if (species != null) {
                    lineSpecies.add(species);
                } else {
                    organisms.add(new Organism(label, null));
                }
                continue;
            }
            organisms.add(organism(label, sourceId(o)));
        }
        for (String species : lineSpecies) {
            if (organisms.stream().noneMatch(o -> species.equals(o.ncbiTaxonId()))) {
                organisms.add(organism(null, species));
            }
        }
        target.clearOrganisms();
        organisms.forEach(target::organism);
    }

    private CellLine cellLine(CellLine line) {
        // a line the table holds is shown by the table's name whatever the source called it (BBBC writes "U2OS"
        // beside CVCL_0042, whose name is "U-2 OS"): one id, one name in a facet
        String label = line.label() != null ? line.label() : line.cellosaurusId();
        Optional<CellLineTable.Line> known = line.cellosaurusId() != null ? cellLines.find(line.cellosaurusId())
                : cellLines.find(label);
        return known
                .map(l -> new CellLine(line.label(), l.accession(), l.name(),
                        l.ncbiTaxonId() != null ? l.ncbiTaxonId() : line.ncbiTaxonId()))
                .orElse(line);
    }

    private static String sourceId(Organism o) {
        return NcbiTaxon.parseId(o.ncbiTaxonId()).or(() -> NcbiTaxon.parseId(o.label())).orElse(null);
    }

    /** The harmonised organism; {@code label} null means "the taxon's own name". */
    private Organism organism(String label, String id) {
        List<String> names = new ArrayList<>();
        Matcher m = label == null ? null : PARENTHESIS.matcher(label);
        if (label != null) {
            names.add(label);
            if (m.matches()) {
                names.add(m.group(1));
                names.add(m.group(2));
            }
        }
        if (id != null) {
            // an id outside the table beside a name the table knows exactly is the source's slip (SSBD writes
            // "X. laevis" with NCBITaxon:1802): the curated name wins, an unknown pair keeps the id as given
            Optional<Taxon> known = taxa.byId(id)
                    .or(() -> first(names, taxa::byScientificName))
                    .or(() -> first(names, taxa::byAbbreviation));
            if (known.isPresent()) {
                return resolved(label, known.get());
            }
            if (!onlineTaxa.asks()) {
                return new Organism(label, id);
            }
            try {
                Optional<Taxon> online = onlineTaxa.byId(id);
                if (online.isPresent()) {
                    return resolved(label, online.get());
                }
                // NCBI has no such taxon (the idr0134 crate writes GBIF keys as NCBITaxon ids): the label alone
                // is what the source said, and the name rules below decide
            } catch (TaxonResolver.Unavailable e) {
                return new Organism(label, id);
            }
            if (label == null) {
                return new Organism(null, id);
            }
        }
        if (label == null) {
            return null;
        }
        return first(names, taxa::byScientificName)
                .or(() -> first(names, taxa::byCommonName))
                .or(() -> first(names, taxa::byAbbreviation))
                .or(() -> first(names, taxa::byAlias))
                .or(() -> first(names, taxa::byNearMiss))
                .or(() -> online(() -> onlineTaxa.byName(names.size() > 1 ? names.get(1) : label)))
                .map(t -> resolved(label, t))
                .orElseGet(() -> new Organism(label, null));
    }

    /** The first name, in order, that the rule answers for. */
    private static Optional<Taxon> first(List<String> names, Function<String, Optional<Taxon>> rule) {
        for (String name : names) {
            if (!name.isBlank()) {
                Optional<Taxon> t = rule.apply(name);
                if (t.isPresent()) {
                    return t;
                }
            }
        }
        return Optional.empty();
    }

    /** The online answer; "could not ask now" leaves the value unresolved for a later re-normalisation. */
    private static Optional<Taxon> online(Supplier<Optional<Taxon>> ask) {
        try {
            return ask.get();
        } catch (TaxonResolver.Unavailable e) {
            return Optional.empty();
        }
    }

    private static Organism resolved(String label, Taxon t) {
        return new Organism(label != null ? label : t.scientificName(), t.id(), t.scientificName(), t.rank(), t.lineage());
    }
}
