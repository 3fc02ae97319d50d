package org.bioimagecatalog.search.text;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.IntConsumer;

/**
 * Makes punctuation not decide a match, applied alike to the indexed text ({@code normalisedTitle},
 * {@code normalisedText}) and to the words of a query. The core Elasticsearch build of the local stack has no
 * {@code pattern_replace}/{@code mapping} char filters and no {@code word_delimiter} (checked with
 * {@code _analyze}), so this runs in the service:
 * <ul>
 * <li>the text is NFKC-normalised first (so a no-break space is a plain space from then on);</li>
 * <li>digit grouping goes: {@code 1,008} and {@code 1’008} become {@code 1008} (a separator between an ASCII
 * digit and exactly three ASCII digits);</li>
 * <li>quotes (ASCII and Unicode) become spaces; an apostrophe inside a word ({@code cell’s}, {@code cell's})
 * splits it ({@code cell s}), so "cell s", "cell's" and "cell’s" are the same words;</li>
 * <li>a hyphenated word is split ({@code genome wide}, as the standard tokeniser does) and, in indexed text,
 * also kept joined ({@code genomewide}), so all three spellings find it.</li>
 * </ul>
 * Every document's text goes through here, so it is one pass over the code points: a word is a run of letters
 * ({@code \p{L}}) and numbers ({@code \p{N}}), a hyphenated word such runs joined by single hyphens.
 */
public final class TokenNormaliser {
    private static final int DIGIT_GROUP_SIZE = 3;
    /** Not a character: the digit group separator at this position goes. */
    private static final int DROPPED = -1;
    /** Not a character: the end of the text. */
    private static final int END = -2;

    private TokenNormaliser() {}

    /** Indexed text: punctuation normalised, hyphenated words split and also joined. */
    public static String indexed(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        IndexedText indexed = new IndexedText(text.length());
        forEachNormalised(text, indexed);
        return indexed.text();
    }

    /** The words of a query, lower case, punctuation normalised as in {@link #indexed}, in order, once each. */
    public static List<String> words(String text) {
        if (text == null) {
            return List.of();
        }
        QueryWords words = new QueryWords();
        forEachNormalised(text, words);
        return words.words();
    }

    /** Hands each code point of the NFKC text after digit grouping, quotes and apostrophes to {@code sink}. */
    private static void forEachNormalised(String text, IntConsumer sink) {
        String s = nfkc(text);
        int n = s.length();
        int i = 0;
        while (i < n) {
            int cp = s.codePointAt(i);
            int width = Character.charCount(cp);
            if (cp <= 0xFFFF) {
                cp = common(s, i, (char) cp);
            }
            i += width;
            if (cp != DROPPED) {
                sink.accept(cp);
            }
        }
        sink.accept(END);
    }

    /** Hyphens become spaces; each hyphenated word (word runs joined by single hyphens) is added joined. */
    private static final class IndexedText implements IntConsumer {
        private final StringBuilder out;
        private final StringBuilder joined = new StringBuilder();
        /** the hyphenated word being read: its letters without hyphens, how many runs, a hyphen just seen */
        private final StringBuilder chain = new StringBuilder();
        private int runs;
        private boolean hyphenPending;

        IndexedText(int length) {
            out = new StringBuilder(length + 16);
        }

        @Override
        public void accept(int cp) {
            if (isWordChar(cp)) {
                if (runs == 0 || hyphenPending) {
                    runs++;
                    hyphenPending = false;
                }
                chain.appendCodePoint(cp);
                out.appendCodePoint(cp);
                return;
            }
            boolean hyphen = isHyphen(cp);
            if (hyphen && runs > 0 && !hyphenPending) {
                hyphenPending = true;
            } else {
                if (runs > 1) {
                    joined.append(' ').append(chain);
                }
                chain.setLength(0);
                runs = 0;
                hyphenPending = false;
            }
            if (hyphen) {
                out.append(' ');
            } else if (cp != END) {
                out.appendCodePoint(cp);
            }
        }

        String text() {
            return out.append(joined).toString();
        }
    }

    /** Runs of letters and numbers, lower case, once each. */
    private static final class QueryWords implements IntConsumer {
        private final Set<String> words = new LinkedHashSet<>();
        private final StringBuilder word = new StringBuilder();

        @Override
        public void accept(int cp) {
            if (isWordChar(cp)) {
                word.appendCodePoint(cp);
            } else if (!word.isEmpty()) {
                words.add(word.toString().toLowerCase(Locale.ROOT));
                word.setLength(0);
            }
        }

        List<String> words() {
            return new ArrayList<>(words);
        }
    }

    /**
     * The character at {@code i} after digit grouping, quotes and apostrophes: {@link #DROPPED}, a space or
     * itself. Only the character's neighbours in the NFKC text decide, so one pass gives what consecutive
     * replacements of the whole text would.
     */
    private static int common(String s, int i, char c) {
        switch (c) {
            case ',', '\'', '’', '\u00A0', '\u202F', '\u2009' -> {
                if (isDigitGroupSeparator(s, i)) {
                    return DROPPED;
                }
                return c == '\'' || c == '’' ? ' ' : c;
            }
            case '"', '“', '”', '„', '‟', '«', '»', '‹', '›', '`', '´', '‘', '‛', 'ʼ', '′' -> {
                return ' ';
            }
            default -> {
                return c;
            }
        }
    }

    /** An ASCII digit before, exactly three ASCII digits after. */
    private static boolean isDigitGroupSeparator(String s, int i) {
        if (i == 0 || !isAsciiDigit(s.charAt(i - 1)) || i + DIGIT_GROUP_SIZE >= s.length()) {
            return false;
        }
        for (int k = 1; k <= DIGIT_GROUP_SIZE; k++) {
            if (!isAsciiDigit(s.charAt(i + k))) {
                return false;
            }
        }
        int after = i + DIGIT_GROUP_SIZE + 1;
        return after == s.length() || !isAsciiDigit(s.charAt(after));
    }

    private static String nfkc(String text) {
        boolean latin1 = true;
        for (int i = 0; i < text.length() && latin1; i++) {
            latin1 = text.charAt(i) < '\u00A0';
        }
        return latin1 || Normalizer.isNormalized(text, Normalizer.Form.NFKC) ? text
                : Normalizer.normalize(text, Normalizer.Form.NFKC);
    }

    private static boolean isAsciiDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static boolean isHyphen(int cp) {
        return cp == '-' || (cp >= '\u2010' && cp <= '\u2014');
    }

    /** {@code [\p{L}\p{N}]}: letters and the three number categories. */
    private static boolean isWordChar(int cp) {
        if (cp < 0x80) {
            return (cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z') || (cp >= '0' && cp <= '9');
        }
        return switch (Character.getType(cp)) {
            case Character.UPPERCASE_LETTER, Character.LOWERCASE_LETTER, Character.TITLECASE_LETTER,
                    Character.MODIFIER_LETTER, Character.OTHER_LETTER, Character.DECIMAL_DIGIT_NUMBER,
                    Character.LETTER_NUMBER, Character.OTHER_NUMBER -> true;
            default -> false;
        };
    }
}
