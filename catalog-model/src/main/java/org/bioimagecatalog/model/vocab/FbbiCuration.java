package org.bioimagecatalog.model.vocab;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * The reviewed additions to FBbi, each a resource file under {@code vocab/}: archive labels the ontology lacks
 * ({@code fbbi-label-mappings.tsv}), the method a non-method term implies ({@code fbbi-implied-methods.tsv})
 * and the terms too general to stand beside a specific method ({@code fbbi-general-terms.tsv}). Every id is
 * checked against the shipped release, so a typo fails at load instead of inventing a term.
 */
record FbbiCuration(Map<String, String> labelMappings, Map<String, String> labelsAsWritten,
        Map<String, String> impliedMethods, Set<String> generalTerms) {

    FbbiCuration {
        labelMappings = Map.copyOf(labelMappings);
        labelsAsWritten = Map.copyOf(labelsAsWritten);
        impliedMethods = Map.copyOf(impliedMethods);
        generalTerms = Set.copyOf(generalTerms);
    }

    static FbbiCuration load(FbbiOntology ontology) {
        Map<String, String> labels = new LinkedHashMap<>();
        Map<String, String> written = new LinkedHashMap<>();
        for (String[] row : VocabResource.rows("/vocab/fbbi-label-mappings.tsv")) {
            String id = known(ontology, row[1], "fbbi-label-mappings.tsv");
            String key = LabelKey.of(row[0]);
            written.put(row[0], id);
            String previous = labels.put(key, id);
            if (previous != null && !previous.equals(id)) {
                throw new IllegalStateException("fbbi-label-mappings.tsv maps \"" + row[0] + "\" to both " + previous + " and " + id);
            }
        }
        Map<String, String> implied = new LinkedHashMap<>();
        for (String[] row : VocabResource.rows("/vocab/fbbi-implied-methods.tsv")) {
            String method = known(ontology, row[1], "fbbi-implied-methods.tsv");
            if (ontology.branch(method).map(b -> b.field() != FbbiField.IMAGING_METHODS).orElse(true)) {
                throw new IllegalStateException("fbbi-implied-methods.tsv: " + method + " is not an imaging method");
            }
            implied.put(known(ontology, row[0], "fbbi-implied-methods.tsv"), method);
        }
        Set<String> general = new LinkedHashSet<>();
        for (String[] row : VocabResource.rows("/vocab/fbbi-general-terms.tsv")) {
            general.add(known(ontology, row[0], "fbbi-general-terms.tsv"));
        }
        return new FbbiCuration(labels, written, implied, general);
    }

    private static String known(FbbiOntology ontology, String id, String file) {
        OboTerm term = ontology.term(id).orElseThrow(() ->
                new IllegalStateException(file + " names " + id + ", which is not a term of vocab/fbbi.obo"));
        if (term.obsolete()) {
            throw new IllegalStateException(file + " names " + id + ", which is obsolete in vocab/fbbi.obo");
        }
        return id;
    }
}
