package org.bioimagecatalog.model.ids;

import java.util.Optional;
import java.util.regex.Pattern;

/** ORCID iDs: accepts bare or URL form, checks the ISO 7064 11,2 check digit, normalises to the bare form. */
public final class Orcid {
    private static final Pattern ORCID = Pattern.compile(
            "^(?i)(?:https?://)?(?:orcid\\.org/)?(\\d{4})-?(\\d{4})-?(\\d{4})-?(\\d{3}[\\dX])$");

    private Orcid() {}

    public static Optional<String> normalise(String text) {
        if (text == null) {
            return Optional.empty();
        }
        var m = ORCID.matcher(text.strip());
        if (!m.matches()) {
            return Optional.empty();
        }
        String digits = (m.group(1) + m.group(2) + m.group(3) + m.group(4)).toUpperCase();
        if (checkDigit(digits.substring(0, 15)) != digits.charAt(15)) {
            return Optional.empty();
        }
        return Optional.of(String.join("-", digits.substring(0, 4), digits.substring(4, 8),
                digits.substring(8, 12), digits.substring(12)));
    }

    static char checkDigit(String baseDigits) {
        int total = 0;
        for (char c : baseDigits.toCharArray()) {
            total = (total + (c - '0')) * 2;
        }
        int result = (12 - total % 11) % 11;
        return result == 10 ? 'X' : (char) ('0' + result);
    }

    public static String url(String orcid) {
        return "https://orcid.org/" + orcid;
    }
}
