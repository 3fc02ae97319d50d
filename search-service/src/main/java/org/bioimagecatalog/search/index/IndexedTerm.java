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

/**
 * One harmonised value of a record as the index sees it: the term id in one written form (taxa as bare digits,
 * FBbi as {@code FBbi:00000246}), the canonical name, the source's label and the ancestors. An event from
 * before the catalog resolved ids gets the id from the label where the vocabulary facades know it.
 */
record IndexedTerm(String id, String name, String label, List<TermRef> ancestors) {
    /**
     * Roots of the FBbi branches that are not imaging methods (sample preparation, visualization, illumination,
     * detection, imaged parameter, contrast- and resolution-enhancing methods, source of contrast).
     */
    static final Set<String> NON_METHOD_BRANCHES = Set.of("FBbi:00000001", "FBbi:00000031", "FBbi:00000268",
            "FBbi:00000269", "FBbi:00000270", "FBbi:00000271", "FBbi:00000321", "FBbi:00000590");

    static IndexedTerm of(Organism o) {
        String id = NcbiTaxon.parseId(o.ncbiTaxonId()).or(() -> NcbiTaxon.idForName(o.label())).orElse(null);
        return new IndexedTerm(id, o.name(), o.label(), normalised(o.lineage(), NcbiTaxon::parseId));
    }

    static IndexedTerm of(ImagingMethod method) {
        String id = Fbbi.parseId(method.fbbiId()).or(() -> Fbbi.idForLabel(method.label())).orElse(null);
        return new IndexedTerm(id, method.name(), method.label(), normalised(method.ancestors(), Fbbi::parseId));
    }

    static IndexedTerm of(CellLine line) {
        return new IndexedTerm(blankToNull(line.cellosaurusId()), line.name(), line.label(), List.of());
    }

    /** A sample preparation, visualization or imaged parameter: FBbi ids in the one written form. */
    static IndexedTerm fbbi(OntologyTerm term) {
        String id = Fbbi.parseId(term.id()).orElse(blankToNull(term.id()));
        return new IndexedTerm(id, term.name(), term.label(), List.of());
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
     * "chemically fixed tissue" among methods). A term whose ancestors are unknown counts as a method.
     */
    boolean isImagingMethod() {
        return Stream.concat(Stream.of(id), ancestors.stream().map(TermRef::id))
                .filter(Objects::nonNull).noneMatch(NON_METHOD_BRANCHES::contains);
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
