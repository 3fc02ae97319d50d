package org.bioimagecatalog.search.index;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Stream;
import org.bioimagecatalog.model.CellLine;
import org.bioimagecatalog.model.FileFormat;
import org.bioimagecatalog.model.ImagingMethod;
import org.bioimagecatalog.model.License;
import org.bioimagecatalog.model.OntologyTerm;
import org.bioimagecatalog.model.Organism;
import org.bioimagecatalog.model.TermRef;
import org.bioimagecatalog.model.vocab.Fbbi;
import org.bioimagecatalog.model.vocab.NcbiTaxon;
import org.bioimagecatalog.model.vocab.Taxon;

/**
 * One harmonised value of a record as the index sees it: the term id in one written form (taxa as bare digits,
 * FBbi as {@code FBbi:00000246}), the canonical name, the source's label and the ancestors. What a record lacks
 * (an event from before the catalog harmonised it) comes from the bundled vocabularies: the id from the label,
 * the canonical name and the lineage or ancestors from the id.
 */
record IndexedTerm(String id, String name, String label, List<TermRef> ancestors) {
    /**
     * Roots of the FBbi branches that are not imaging methods (sample preparation, visualization, illumination,
     * detection, imaged parameter, contrast- and resolution-enhancing methods, source of contrast), for ids the
     * shipped FBbi release does not know.
     */
    static final Set<String> NON_METHOD_BRANCHES = Set.of("FBbi:00000001", "FBbi:00000031", "FBbi:00000268",
            "FBbi:00000269", "FBbi:00000270", "FBbi:00000271", "FBbi:00000321", "FBbi:00000590");

    static IndexedTerm of(Organism o) {
        String id = NcbiTaxon.parseId(o.ncbiTaxonId()).or(() -> NcbiTaxon.idForName(o.label())).orElse(null);
        Optional<Taxon> taxon = id == null ? Optional.empty() : NcbiTaxon.taxon(id);
        String name = o.name() != null ? o.name() : taxon.map(Taxon::scientificName).orElse(null);
        List<TermRef> lineage = !o.lineage().isEmpty() ? o.lineage() : taxon.map(Taxon::lineage).orElse(List.of());
        return new IndexedTerm(id, name, o.label(), normalised(lineage, NcbiTaxon::parseId));
    }

    static IndexedTerm of(ImagingMethod method) {
        String id = Fbbi.parseId(method.fbbiId()).or(() -> Fbbi.idForLabel(method.label())).orElse(null);
        String name = method.name() != null || id == null ? method.name() : Fbbi.name(id).orElse(null);
        List<TermRef> ancestors = !method.ancestors().isEmpty() || id == null ? method.ancestors()
                : Fbbi.ancestors(id);
        return new IndexedTerm(id, name, method.label(), normalised(ancestors, Fbbi::parseId));
    }

    static IndexedTerm of(CellLine line) {
        return new IndexedTerm(blankToNull(line.cellosaurusId()), line.name(), line.label(), List.of());
    }

    /** A sample preparation, visualization or imaged parameter: FBbi ids in the one written form. */
    static IndexedTerm fbbi(OntologyTerm term) {
        Optional<String> fbbi = Fbbi.parseId(term.id());
        String name = term.name() != null ? term.name() : fbbi.flatMap(Fbbi::name).orElse(null);
        return new IndexedTerm(fbbi.orElse(blankToNull(term.id())), name, term.label(), List.of());
    }

    static IndexedTerm of(FileFormat format) {
        return new IndexedTerm(blankToNull(format.id()), format.name(), format.label(), List.of());
    }

    /** The SPDX id is the licence's canonical name: it is what licence choosers and registries show. */
    static IndexedTerm of(License license) {
        String spdx = blankToNull(license.spdx());
        return new IndexedTerm(spdx, spdx, license.label(), List.of());
    }

    /** The canonical name, else the source's label, else the id. */
    String shownName() {
        if (name != null && !name.isBlank()) {
            return name.strip();
        }
        return label != null && !label.isBlank() ? label.strip() : id;
    }

    /**
     * False for a term of another FBbi branch that reached the methods list (older records, sources that put
     * "chemically fixed tissue" among methods): the shipped FBbi release tells the branch; for an id it does not
     * know, the ancestors do, and a term whose ancestors are unknown counts as a method.
     */
    boolean isImagingMethod() {
        if (id != null && Fbbi.isKnown(id)) {
            return Fbbi.isImagingMethod(id);
        }
        return Stream.concat(Stream.of(id), ancestors.stream().map(TermRef::id))
                .filter(Objects::nonNull).noneMatch(NON_METHOD_BRANCHES::contains);
    }

    /** A term too general to be a bucket beside specific ones ("recorded image"); it stays in the hierarchy. */
    boolean isGeneral() {
        return id != null && Fbbi.isGeneral(id);
    }

    private static List<TermRef> normalised(List<TermRef> ancestors, Function<String, Optional<String>> parse) {
        return ancestors.stream()
                .map(a -> new TermRef(parse.apply(a.id()).orElse(blankToNull(a.id())), a.name()))
                .toList();
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
