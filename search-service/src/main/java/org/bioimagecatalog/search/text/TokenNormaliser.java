package org.bioimagecatalog.search.text;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Makes punctuation not decide a match, applied alike to the indexed text ({@code normalisedTitle},
 * {@code normalisedText}) and to the words of a query. The core Elasticsearch build of the local stack has no
 * {@code pattern_replace}/{@code mapping} char filters and no {@code word_delimiter} (checked with
 * {@code _analyze}), so this runs in the service:
 * <ul>
 * <li>digit grouping goes: {@code 1,008} and {@code 1 008} become {@code 1008};</li>
 * <li>quotes (ASCII and Unicode) become spaces; an apostrophe inside a word ({@code cell’s}, {@code cell's})
 * splits it ({@code cell s}), so "cell s", "cell's" and "cell’s" are the same words;</li>
 * <li>a hyphenated word is split ({@code genome wide}, as the standard tokeniser does) and, in indexed text,
 * also kept joined ({@code genomewide}), so all three spellings find it.</li>
 * </ul>
 */
public final class TokenNormaliser {
    private static final Pattern DIGIT_GROUP = Pattern.compile("(?<=\\d)[,'’\\u00A0\\u202F\\u2009](?=\\d{3}(?!\\d))");
    private static final Pattern QUOTES = Pattern.compile("[\"“”„‟«»‹›`´]");
    private static final Pattern APOSTROPHE = Pattern.compile("['‘’‛ʼ′]");
    private static final Pattern HYPHENATED = Pattern.compile("[\\p{L}\\p{N}]+(?:[-‐‑‒–—][\\p{L}\\p{N}]+)+");
    private static final Pattern HYPHEN = Pattern.compile("[-‐‑‒–—]");
    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}]+");

    private TokenNormaliser() {}

    /** Indexed text: punctuation normalised, hyphenated words split and also joined. */
    public static String indexed(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String common = common(text);
        StringBuilder joined = new StringBuilder();
        Matcher m = HYPHENATED.matcher(common);
        while (m.find()) {
            joined.append(' ').append(HYPHEN.matcher(m.group()).replaceAll(""));
        }
        return HYPHEN.matcher(common).replaceAll(" ") + joined;
    }

    /** The words of a query, lower case, punctuation normalised as in {@link #indexed}, in order, once each. */
    public static List<String> words(String text) {
        if (text == null) {
            return List.of();
        }
        Set<String> words = new LinkedHashSet<>();
        Matcher m = WORD.matcher(HYPHEN.matcher(common(text)).replaceAll(" "));
        while (m.find()) {
            words.add(m.group().toLowerCase(Locale.ROOT));
        }
        return new ArrayList<>(words);
    }

    private static String common(String text) {
        String s = Normalizer.normalize(text, Normalizer.Form.NFKC);
        s = DIGIT_GROUP.matcher(s).replaceAll("");
        s = QUOTES.matcher(s).replaceAll(" ");
        return APOSTROPHE.matcher(s).replaceAll(" ");
    }
}
