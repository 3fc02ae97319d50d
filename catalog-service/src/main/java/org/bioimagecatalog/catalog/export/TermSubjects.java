package org.bioimagecatalog.catalog.export;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.bioimagecatalog.model.CellLine;
import org.bioimagecatalog.model.DatasetMetadata;
import org.bioimagecatalog.model.FileFormat;
import org.bioimagecatalog.model.ImagingMethod;
import org.bioimagecatalog.model.OntologyTerm;
import org.bioimagecatalog.model.Organism;

/**
 * The vocabulary terms of a dataset as every export writes them: the canonical name (the source's label when
 * the normaliser did not resolve it), the vocabulary and the term's IRI. One place, so that OAI-PMH, DataCite
 * JSON, schema.org and CSV name a term the same way.
 */
public final class TermSubjects {
    public static final Scheme NCBI_TAXONOMY = new Scheme("NCBI Taxonomy", "https://www.ncbi.nlm.nih.gov/taxonomy",
            "http://purl.obolibrary.org/obo/NCBITaxon_");
    public static final Scheme FBBI = new Scheme("FBbi", "http://purl.obolibrary.org/obo/fbbi.owl",
            "http://purl.obolibrary.org/obo/");
    public static final Scheme CELLOSAURUS = new Scheme("Cellosaurus", "https://www.cellosaurus.org/",
            "https://www.cellosaurus.org/");
    public static final Scheme EDAM = new Scheme("EDAM", "http://edamontology.org", "http://edamontology.org/");

    /** A vocabulary: its name and IRI, and the prefix of its terms' IRIs. */
    public record Scheme(String name, String uri, String termPrefix) {}

    /**
     * One term of a dataset. {@code scheme}, {@code id} and {@code valueUri} are null for a value the normaliser
     * left unresolved; {@code label} is what the source wrote.
     */
    public record Subject(String field, String subject, String label, Scheme scheme, String id, String valueUri) {
        public boolean resolved() {
            return valueUri != null;
        }
    }

    private TermSubjects() {}

    /** Organisms, cell lines, imaging methods, the other FBbi branches and formats, in that order. */
    public static List<Subject> of(DatasetMetadata m) {
        List<Subject> subjects = new ArrayList<>();
        m.organisms().forEach(o -> subjects.add(organism(o)));
        m.cellLines().forEach(c -> subjects.add(cellLine(c)));
        m.imagingMethods().forEach(i -> subjects.add(imagingMethod(i)));
        m.samplePreparation().forEach(t -> subjects.add(fbbi("samplePreparation", t)));
        m.visualizationMethods().forEach(t -> subjects.add(fbbi("visualizationMethods", t)));
        m.imagingParameters().forEach(t -> subjects.add(fbbi("imagingParameters", t)));
        m.formats().forEach(f -> subjects.add(format(f)));
        return subjects;
    }

    public static Subject organism(Organism o) {
        String id = o.ncbiTaxonId();
        return new Subject("organisms", name(o.name(), o.label()), o.label(), id == null ? null : NCBI_TAXONOMY,
                id == null ? null : "NCBITaxon:" + id, id == null ? null : NCBI_TAXONOMY.termPrefix() + id);
    }

    public static Subject cellLine(CellLine c) {
        String id = c.cellosaurusId();
        return new Subject("cellLines", name(c.name(), c.label()), c.label(), id == null ? null : CELLOSAURUS, id,
                id == null ? null : CELLOSAURUS.termPrefix() + id);
    }

    public static Subject imagingMethod(ImagingMethod i) {
        return fbbi("imagingMethods", i.fbbiId(), name(i.name(), i.label()), i.label());
    }

    public static Subject format(FileFormat f) {
        Optional<String> edam = edamFormat(f.id());
        return new Subject("formats", name(f.name(), f.label()), f.label(), f.id() == null ? null : edam.isPresent() ? EDAM : null,
                f.id(), edam.map(id -> EDAM.termPrefix() + id).orElse(null));
    }

    private static Subject fbbi(String field, OntologyTerm t) {
        return fbbi(field, t.id(), name(t.name(), t.label()), t.label());
    }

    private static Subject fbbi(String field, String id, String name, String label) {
        String normalised = id == null ? null : id.replace('_', ':');
        return new Subject(field, name, label, id == null ? null : FBBI, normalised,
                id == null ? null : FBBI.termPrefix() + normalised.replace(':', '_'));
    }

    /** An EDAM format id ({@code format_3591}, also written {@code EDAM:format_3591}); other ids are not EDAM's. */
    private static Optional<String> edamFormat(String id) {
        if (id == null) {
            return Optional.empty();
        }
        String bare = id.toLowerCase(Locale.ROOT).startsWith("edam:") ? id.substring(5) : id;
        return bare.startsWith("format_") ? Optional.of(bare) : Optional.empty();
    }

    private static String name(String canonical, String label) {
        return canonical != null && !canonical.isBlank() ? canonical : label;
    }
}
