package org.bioimagecatalog.model.ids;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/** PubMed ids (digits) and PubMed Central ids ({@code PMC} + digits). */
public final class PubMedIds {
    private static final Pattern PMID = Pattern.compile("^(?i)(?:pmid:?\\s*)?(\\d{1,9})$");
    private static final Pattern PMCID = Pattern.compile("^(?i)(?:pmcid:?\\s*)?(?:PMC)?(\\d{1,9})$");

    private PubMedIds() {}

    public static Optional<String> pmid(String text) {
        if (text == null) {
            return Optional.empty();
        }
        var m = PMID.matcher(text.strip());
        return m.matches() && !m.group(1).matches("0+") ? Optional.of(stripZeros(m.group(1))) : Optional.empty();
    }

    /** A PMCID needs its {@code PMC} prefix in free text; a bare number is accepted only where the field says PMC. */
    public static Optional<String> pmcid(String text) {
        if (text == null) {
            return Optional.empty();
        }
        var m = PMCID.matcher(text.strip().toUpperCase(Locale.ROOT));
        return m.matches() && !m.group(1).matches("0+") ? Optional.of("PMC" + stripZeros(m.group(1))) : Optional.empty();
    }

    private static String stripZeros(String digits) {
        return digits.replaceFirst("^0+", "");
    }
}
