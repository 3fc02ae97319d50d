package org.bioimagecatalog.model.ids;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** DOI parsing: accepts bare, {@code doi:} and resolver-URL forms; normalises to lower case {@code 10.x/y}. */
public final class Doi {
    private static final Pattern DOI = Pattern.compile("(10\\.\\d{4,9}/\\S+)");
    private static final Pattern PREFIX = Pattern.compile(
            "^(?i)(?:doi:\\s*|https?://(?:dx\\.)?doi\\.org/|(?:dx\\.)?doi\\.org/)");
    private static final Pattern TRAILING_PUNCTUATION = Pattern.compile("[.,;)\\]]+$");

    private Doi() {}

    public static Optional<String> normalise(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String stripped = PREFIX.matcher(text.strip()).replaceFirst("");
        Matcher m = DOI.matcher(stripped);
        if (!m.lookingAt()) {
            return Optional.empty();
        }
        String doi = TRAILING_PUNCTUATION.matcher(m.group(1)).replaceAll("");
        return Optional.of(doi.toLowerCase(Locale.ROOT));
    }

    public static boolean isValid(String text) {
        return normalise(text).isPresent();
    }

    public static String url(String doi) {
        return "https://doi.org/" + doi;
    }
}
