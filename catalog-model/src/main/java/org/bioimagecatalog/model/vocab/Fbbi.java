package org.bioimagecatalog.model.vocab;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.bioimagecatalog.model.ImagingMethod;
import org.bioimagecatalog.model.TermRef;

/**
 * Biological Imaging Methods Ontology (FBbi) look-ups for harvesters and search, backed by the release in
 * {@code vocab/fbbi.obo} and the reviewed files beside it (see {@code docs/vocabularies.md}). Accessions
 * appear as {@code FBbi_00000246}, {@code Fbbi:00000246}, an obo PURL or bare digits; all normalise to
 * {@code FBbi:00000246}.
 */
public final class Fbbi {
    private Fbbi() {}

    public static Optional<String> parseId(String accession) {
        return FbbiVocabulary.parseId(accession);
    }

    /**
     * The term a label names, through FBbi's names and synonyms and the reviewed archive labels; case-,
     * punctuation- and parenthesis-insensitive. Any branch: use {@link #branch} to tell a method from, say, a
     * sample preparation.
     */
    public static Optional<String> idForLabel(String label) {
        if (label == null || label.isBlank()) {
            return Optional.empty();
        }
        return FbbiVocabulary.get().matchLabel(label);
    }

    /** The canonical FBbi name of a term id. */
    public static Optional<String> name(String id) {
        return FbbiVocabulary.get().name(id);
    }

    /** Whether the shipped release has a term with this id (obsolete ones included). */
    public static boolean isKnown(String id) {
        return FbbiVocabulary.get().isKnown(id);
    }

    /** The branch (imaging method, sample preparation, visualization, imaged parameter …) the term sits in. */
    public static Optional<FbbiBranch> branch(String id) {
        return FbbiVocabulary.get().branch(id);
    }

    /** Whether the term belongs in {@code imagingMethods}. */
    public static boolean isImagingMethod(String id) {
        return FbbiVocabulary.get().isImagingMethod(id);
    }

    /**
     * Whether the term is too general to be a facet bucket beside specific methods ("recorded image",
     * "microscopy"): search keeps it in the hierarchy and may hide it as a bucket of its own.
     */
    public static boolean isGeneral(String id) {
        return FbbiVocabulary.get().isGeneral(id);
    }

    /** The term's {@code is_a} ancestors, nearest first, with their names (the ontology root left out). */
    public static List<TermRef> ancestors(String id) {
        return FbbiVocabulary.get().ancestors(id);
    }

    /** Every term below {@code id} by {@code is_a}: what a filter on {@code id} also includes. */
    public static Set<String> descendants(String id) {
        return FbbiVocabulary.get().descendants(id);
    }

    /** The term's name and its exact and related synonyms, as FBbi writes them. */
    public static List<String> namesAndSynonyms(String id) {
        return FbbiVocabulary.get().namesAndSynonyms(id);
    }

    /** Every label and synonym that names the given term (FBbi's and the reviewed archive labels), for query expansion. */
    public static List<String> labelsFor(String curie) {
        FbbiVocabulary vocabulary = FbbiVocabulary.get();
        Set<String> labels = new LinkedHashSet<>(vocabulary.namesAndSynonyms(curie));
        labels.addAll(vocabulary.mappedLabels(curie));
        return List.copyOf(labels);
    }

    /**
     * An imaging method from a label and an optional accession, as a harvester records it. An accession from
     * another ontology (CHMO, NCIT, …) is not an FBbi id, so the id then comes from the label. The catalog's
     * normaliser adds the canonical name and hierarchy, and moves terms of other branches to their fields.
     */
    public static ImagingMethod method(String label, String accession) {
        String id = parseId(accession).or(() -> idForLabel(label)).orElse(null);
        return new ImagingMethod(label == null || label.isBlank() ? null : label.strip(), id);
    }
}
