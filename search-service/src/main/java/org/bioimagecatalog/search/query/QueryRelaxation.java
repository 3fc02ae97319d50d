package org.bioimagecatalog.search.query;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.bioimagecatalog.search.text.TokenNormaliser;

/**
 * When all the words together match nothing: fewer of them must match ({@code minimum_should_match}), first all
 * but one, then half, then any one, until something is found. The words the best hit does not match (read from
 * {@code matched_queries}, each word's clause being named) are the ones reported as left out, so the answer says
 * "showing results for …" rather than a silent zero. Plain text of at least two words is relaxed, and so is text
 * whose only operators are double quotes (a pasted title often holds some): its phrases are first loosened to all
 * their words, then relaxed as plain text. Other operators (a negation, an alternative, a wildcard) and an
 * identifier mean what they say.
 */
final class QueryRelaxation {
    private QueryRelaxation() {}

    /** The words to relax, or empty when the query is not relaxable. */
    static Optional<List<String>> words(String q) {
        UserQueryText text = UserQueryText.of(q);
        if (!ForgivingTextQuery.applies(withoutQuotes(text.text())) || IdentifierQuery.recognise(q).isPresent()) {
            return Optional.empty();
        }
        List<String> words = TokenNormaliser.words(withoutQuotes(text.text()));
        return words.size() < (quoted(q) ? 1 : 2) ? Optional.empty() : Optional.of(words);
    }

    /** Whether {@code q} asks for phrases (double quotes), which relaxing loosens to their words first. */
    static boolean quoted(String q) {
        return q.indexOf('"') >= 0;
    }

    private static String withoutQuotes(String text) {
        return text.replace('"', ' ');
    }

    /** How many words must match in each attempt, from most to fewest; all of them first for a quoted query. */
    static List<Integer> attempts(String q, int words) {
        List<Integer> attempts = new ArrayList<>();
        if (quoted(q)) {
            attempts.add(words);
        }
        attempts.addAll(attempts(words));
        return attempts;
    }

    static List<Integer> attempts(int words) {
        Set<Integer> attempts = new LinkedHashSet<>();
        attempts.add(words - 1);
        attempts.add(Math.max(1, (words + 1) / 2));
        attempts.add(1);
        return new ArrayList<>(attempts.stream().filter(n -> n >= 1 && n < words).toList());
    }

    /** The relaxation to report, from the words the best hit matched. */
    static RelaxedQuery describe(String q, List<String> words, List<String> matchedQueries) {
        Set<String> matched = matchedQueries == null ? Set.of() : matchedQueries.stream()
                .filter(n -> n.startsWith(ForgivingTextQuery.WORD_PREFIX))
                .map(n -> n.substring(ForgivingTextQuery.WORD_PREFIX.length())).collect(Collectors.toSet());
        List<String> left = words.stream().filter(w -> !matched.contains(w)).toList();
        List<String> kept = words.stream().filter(matched::contains).toList();
        String showing = String.join(" ", kept);
        String message = left.isEmpty()
                ? "No dataset matches " + q.strip() + " as written; showing results with all of its words: " + showing
                : "No dataset matches all of \"" + q.strip() + "\"; showing results for \"" + showing + "\" (without "
                        + left.stream().map(w -> "\"" + w + "\"").collect(Collectors.joining(", ")) + ")";
        return new RelaxedQuery(left, showing, message);
    }
}
