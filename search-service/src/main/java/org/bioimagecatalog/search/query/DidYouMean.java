package org.bioimagecatalog.search.query;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.bioimagecatalog.search.index.DatasetIndexMapping;
import org.bioimagecatalog.search.text.TokenNormaliser;

/**
 * "Did you mean": the query with each word the index does not hold replaced by the closest word it does, from
 * the term suggester (in every distribution) over {@code normalisedText}. Only words of at least
 * {@value #MIN_WORD_LENGTH} letters missing from the index are corrected ({@code suggest_mode: missing}), so a
 * query whose words all exist gets no suggestion.
 */
final class DidYouMean {
    static final String NAME = "didYouMean";
    static final int MIN_WORD_LENGTH = 4;

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private DidYouMean() {}

    /** The suggest section for the query's words; empty for an identifier or text with operators. */
    static Optional<ObjectNode> request(String q) {
        UserQueryText text = UserQueryText.of(q);
        if (!ForgivingTextQuery.applies(text.text()) || IdentifierQuery.recognise(q).isPresent()) {
            return Optional.empty();
        }
        List<String> words = TokenNormaliser.words(text.text());
        if (words.stream().noneMatch(w -> w.length() >= MIN_WORD_LENGTH)) {
            return Optional.empty();
        }
        ObjectNode suggest = JSON.objectNode();
        suggest.put("text", String.join(" ", words));
        suggest.putObject(NAME).putObject("term")
                .put("field", DatasetIndexMapping.NORMALISED_TEXT)
                .put("suggest_mode", "missing")
                .put("min_word_length", MIN_WORD_LENGTH)
                .put("size", 1);
        return Optional.of(suggest);
    }

    /** The corrected query, or null when no word was corrected. */
    static String read(Map<String, JsonNode> suggest) {
        JsonNode entries = suggest == null ? null : suggest.get(NAME);
        if (entries == null || !entries.isArray()) {
            return null;
        }
        Map<String, String> corrections = new HashMap<>();
        List<String> words = new ArrayList<>();
        for (JsonNode entry : entries) {
            String word = entry.path("text").asText();
            words.add(word);
            JsonNode best = entry.path("options").path(0).path("text");
            if (best.isTextual() && !best.asText().equals(word)) {
                corrections.put(word, best.asText());
            }
        }
        if (corrections.isEmpty()) {
            return null;
        }
        return String.join(" ", words.stream().map(w -> corrections.getOrDefault(w, w)).toList());
    }
}
