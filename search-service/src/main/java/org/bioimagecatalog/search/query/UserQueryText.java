package org.bioimagecatalog.search.query;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * What a person typed, made ready for {@code simple_query_string}: control characters gone, the words
 * {@code OR}/{@code AND}/{@code NOT} that people type (outside quotes) turned into {@code |}, nothing and
 * {@code -}. {@code plain} says the text has no operators at all, so its words can be matched against the
 * vocabularies for query expansion.
 */
public record UserQueryText(String text, boolean plain, List<String> words) {
    private static final Pattern CONTROL = Pattern.compile("\\p{Cntrl}");
    private static final Pattern OPERATOR_CHARS = Pattern.compile("[\"|+()*~\\\\]");
    private static final Pattern EDGE_PUNCTUATION = Pattern.compile("^[\\p{Punct}&&[^-]]+|[\\p{Punct}&&[^-]]+$");

    public static UserQueryText of(String raw) {
        String cleaned = CONTROL.matcher(raw == null ? "" : raw).replaceAll(" ").strip();
        if (cleaned.isEmpty()) {
            return new UserQueryText("", true, List.of());
        }
        List<String> out = new ArrayList<>();
        boolean inQuote = false;
        boolean negateNext = false;
        boolean translated = false;
        for (String token : cleaned.split("\\s+")) {
            if (!inQuote && token.equals("OR")) {
                out.add("|");
                translated = true;
            } else if (!inQuote && token.equals("AND")) {
                translated = true; // AND is the default operator
            } else if (!inQuote && token.equals("NOT")) {
                negateNext = true;
                translated = true;
            } else {
                out.add(negateNext && !inQuote ? "-" + token : token);
                negateNext = false;
            }
            if (count(token, '"') % 2 == 1) {
                inQuote = !inQuote;
            }
        }
        String text = String.join(" ", out);
        boolean plain = !translated && !OPERATOR_CHARS.matcher(text).find()
                && out.stream().noneMatch(t -> t.startsWith("-"));
        List<String> words = plain ? out.stream()
                .map(t -> EDGE_PUNCTUATION.matcher(t).replaceAll("").toLowerCase(Locale.ROOT))
                .filter(w -> !w.isEmpty()).toList() : List.of();
        return new UserQueryText(text, plain, words);
    }

    private static long count(String token, char c) {
        return token.chars().filter(ch -> ch == c).count();
    }
}
