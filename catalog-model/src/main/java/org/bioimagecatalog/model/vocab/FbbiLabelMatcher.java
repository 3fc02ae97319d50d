package org.bioimagecatalog.model.vocab;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Finds the FBbi term an archive label names. Keys are {@link LabelKey}s, so case, punctuation and
 * parentheses do not count. Reviewed mappings win, then term names, exact synonyms and related synonyms,
 * each before its parenthesis-stripped variants. A key that two terms share at the same rank is ambiguous
 * and matches nothing: a label is never guessed.
 */
final class FbbiLabelMatcher {
    private static final int CURATED = 0;

    private final Map<String, String> idByKey;
    private final Map<String, List<String>> labelsById;

    FbbiLabelMatcher(FbbiOntology ontology, FbbiCuration curation) {
        Map<String, Integer> rankByKey = new HashMap<>();
        Map<String, String> ids = new HashMap<>();
        Set<String> ambiguous = new HashSet<>();
        Map<String, List<String>> labels = new HashMap<>();
        curation.labelMappings().forEach((key, id) -> {
            rankByKey.put(key, CURATED);
            ids.put(key, id);
        });
        for (OboTerm term : ontology.terms()) {
            if (term.obsolete() || term.name() == null) {
                continue;
            }
            List<String> texts = labels.computeIfAbsent(term.id(), k -> new ArrayList<>());
            texts.add(term.name());
            texts.addAll(term.exactSynonyms());
            texts.addAll(term.relatedSynonyms());
            index(term.name(), term.id(), 1, rankByKey, ids, ambiguous);
            term.exactSynonyms().forEach(s -> index(s, term.id(), 3, rankByKey, ids, ambiguous));
            term.relatedSynonyms().forEach(s -> index(s, term.id(), 5, rankByKey, ids, ambiguous));
        }
        ambiguous.forEach(ids::remove);
        this.idByKey = Map.copyOf(ids);
        Map<String, List<String>> frozen = new HashMap<>();
        labels.forEach((id, texts) -> frozen.put(id, List.copyOf(texts)));
        this.labelsById = Map.copyOf(frozen);
    }

    /** Indexes a name at {@code rank} and its parenthesis-stripped variants one rank lower. */
    private static void index(String text, String id, int rank, Map<String, Integer> rankByKey, Map<String, String> ids,
            Set<String> ambiguous) {
        List<String> keys = LabelKey.variants(text);
        for (int i = 0; i < keys.size(); i++) {
            String key = keys.get(i);
            int r = i == 0 ? rank : rank + 1;
            Integer best = rankByKey.get(key);
            if (best == null || r < best) {
                rankByKey.put(key, r);
                ids.put(key, id);
                ambiguous.remove(key);
            } else if (r == best && !id.equals(ids.get(key))) {
                ambiguous.add(key);
            }
        }
    }

    /** The term the label names: the whole label first, then without parentheses, then a parenthesis alone. */
    Optional<String> match(String label) {
        for (String key : LabelKey.variants(label)) {
            String id = idByKey.get(key);
            if (id != null) {
                return Optional.of(id);
            }
        }
        return Optional.empty();
    }

    /** The term's name and its exact and related synonyms, as FBbi writes them. */
    List<String> namesAndSynonyms(String id) {
        return labelsById.getOrDefault(id, List.of());
    }

    /** The reviewed archive labels that map to the term, as the mapping file writes them. */
    List<String> mappedLabels(FbbiCuration curation, String id) {
        return curation.labelsAsWritten().entrySet().stream().filter(e -> e.getValue().equals(id))
                .map(Map.Entry::getKey).toList();
    }
}
