package org.bioimagecatalog.search.query;

import java.util.ArrayList;
import java.util.List;
import org.bioimagecatalog.model.vocab.Fbbi;
import org.bioimagecatalog.model.vocab.NcbiTaxon;
import org.bioimagecatalog.search.index.TermFields;

/**
 * Finds organism names, synonyms and common names ("human", "mouse", "fission yeast", "Homo sapiens": the bundled
 * NCBI Taxonomy table) and FBbi names, synonyms and reviewed archive labels ("cryo-em", "SPIM", "light sheet
 * microscopy") in a plain query, longest phrase first, so that a dataset tagged with the ontology id
 * matches even when its text never uses the word the person typed. Words that name nothing stay free text.
 */
public record VocabularyExpansion(List<Concept> concepts, String rest) {
    private static final int LONGEST_PHRASE = 4;
    /** Ids with their ancestors' ids: "electron microscopy" also finds a dataset tagged only with TEM. */
    private static final String ORGANISM_IDS = TermFields.ids(TermFields.ORGANISM);
    private static final String METHOD_IDS = TermFields.ids(TermFields.IMAGING_METHOD);
    private static final String PREPARATION_IDS = TermFields.ids(TermFields.SAMPLE_PREPARATION);

    /** A recognised phrase and the ids it stands for: NCBI taxon ids or FBbi CURIEs. */
    public record Concept(String phrase, String field, String id) {}

    public static VocabularyExpansion of(UserQueryText query) {
        if (!query.plain()) {
            return new VocabularyExpansion(List.of(), query.text());
        }
        List<String> words = query.words();
        List<Concept> concepts = new ArrayList<>();
        List<String> rest = new ArrayList<>();
        int i = 0;
        while (i < words.size()) {
            int length = Math.min(LONGEST_PHRASE, words.size() - i);
            Concept found = lookUp(String.join(" ", words.subList(i, i + length)));
            while (found == null && --length > 0) {
                found = lookUp(String.join(" ", words.subList(i, i + length)));
            }
            if (found == null) {
                rest.add(words.get(i));
                i++;
            } else {
                concepts.add(found);
                i += length;
            }
        }
        return new VocabularyExpansion(List.copyOf(concepts), String.join(" ", rest));
    }

    public boolean isEmpty() {
        return concepts.isEmpty();
    }

    private static Concept lookUp(String phrase) {
        var taxon = NcbiTaxon.idForName(phrase);
        if (taxon.isPresent()) {
            return new Concept(phrase, ORGANISM_IDS, taxon.get());
        }
        // FBbi names terms of every branch; only methods and sample preparations have an id field to match
        return Fbbi.idForLabel(phrase).flatMap(id -> Fbbi.branch(id).map(branch -> switch (branch.field()) {
            case IMAGING_METHODS -> new Concept(phrase, METHOD_IDS, id);
            case SAMPLE_PREPARATION -> new Concept(phrase, PREPARATION_IDS, id);
            default -> null;
        })).orElse(null);
    }
}
