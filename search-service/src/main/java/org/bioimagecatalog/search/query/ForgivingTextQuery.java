package org.bioimagecatalog.search.query;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.regex.Pattern;
import org.bioimagecatalog.search.index.DatasetIndexMapping;
import org.bioimagecatalog.search.text.TokenNormaliser;

/**
 * Plain query text, matched forgivingly. The exact query (every word, as typed, across the weighted fields) stays
 * and scores highest; beside it, every normalised word must match the normalised title or text
 * ({@link TokenNormaliser}) exactly or within {@value #FUZZINESS} edits, and the last word may also be the start
 * of a word (typed so far). A dataset found only by a typo or a prefix therefore ranks below exact matches.
 * Only the two normalised fields take the fuzzy and prefix clauses, which keeps their cost bounded.
 */
public final class ForgivingTextQuery {
    /** No edit below 4 letters, one for 4 to 6, two from 7 ("nanosocpy" → "nanoscopy" is one transposition). */
    static final String FUZZINESS = "AUTO:4,7";
    static final List<String> FIELDS = List.of(DatasetIndexMapping.NORMALISED_TITLE + "^3",
            DatasetIndexMapping.NORMALISED_TEXT);
    /** The exact query outweighs a forgiving match of the same words. */
    static final double EXACT_BOOST = 3;
    /** The named clause of each word, read back from {@code matched_queries} by {@link QueryRelaxation}. */
    static final String WORD_PREFIX = "word:";

    /**
     * What a person writes to mean an operator: a quote, {@code |}, {@code ~}, {@code -word}, {@code word*}.
     * Parentheses and {@code +} are not in it: titles are full of them ("(AI)", "S100A4+"), and taken as typed
     * they would make a pasted title an operator query that forgives nothing.
     */
    private static final Pattern OPERATOR_INTENT = Pattern.compile("[\"|~]|(?:^|\\s)-[\\p{L}\\p{N}]|\\*(?:\\s|$)");

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private ForgivingTextQuery() {}

    /** Whether {@code text} (as {@link UserQueryText} made it) is words to forgive rather than operators to obey. */
    static boolean applies(String text) {
        return !text.isBlank() && !OPERATOR_INTENT.matcher(text).find();
    }

    /**
     * @param exact the query of the words as typed; null when there is none
     * @param words the normalised words ({@link TokenNormaliser#words})
     */
    static JsonNode of(JsonNode exact, List<String> words) {
        if (words.isEmpty()) {
            return exact;
        }
        ObjectNode query = JSON.objectNode();
        ArrayNode should = query.putObject("bool").put("minimum_should_match", 1).putArray("should");
        if (exact != null) {
            ObjectNode boosted = should.addObject().putObject("bool");
            boosted.putArray("must").add(exact);
            boosted.put("boost", EXACT_BOOST);
        }
        should.add(allWords(words, words.size()));
        return query;
    }

    /** Every word (or, relaxed, at least {@code minimumMatching} of them), each named for matched_queries. */
    static ObjectNode allWords(List<String> words, int minimumMatching) {
        ObjectNode query = JSON.objectNode();
        ObjectNode bool = query.putObject("bool");
        ArrayNode clauses = bool.putArray(minimumMatching >= words.size() ? "must" : "should");
        for (int i = 0; i < words.size(); i++) {
            clauses.add(word(words.get(i), i == words.size() - 1));
        }
        if (minimumMatching < words.size()) {
            bool.put("minimum_should_match", minimumMatching);
        }
        return query;
    }

    private static ObjectNode word(String word, boolean last) {
        ObjectNode clause = JSON.objectNode();
        ObjectNode bool = clause.putObject("bool");
        bool.put("_name", WORD_PREFIX + word);
        ArrayNode should = bool.put("minimum_should_match", 1).putArray("should");
        should.add(multiMatch(word, "fuzziness", FUZZINESS));
        if (last) {
            // typed so far: the last word as the start of a word (bool_prefix on one word is a prefix query)
            should.add(multiMatch(word, "type", "bool_prefix"));
        }
        return clause;
    }

    private static ObjectNode multiMatch(String word, String option, String value) {
        ObjectNode query = JSON.objectNode();
        ObjectNode mm = query.putObject("multi_match");
        mm.put("query", word).put(option, value);
        FIELDS.forEach(mm.putArray("fields")::add);
        return query;
    }
}
