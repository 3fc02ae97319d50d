package org.bioimagecatalog.model.vocab;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.bioimagecatalog.model.License;

/** Recognises Creative Commons licences (the archives' usual ones) by label or URL and gives the SPDX id. */
public final class Spdx {
    private static final Pattern CC_URL = Pattern.compile(
            "creativecommons\\.org/licenses/([a-z-]+)/(\\d\\.\\d)", Pattern.CASE_INSENSITIVE);
    private static final Pattern CC_LABEL = Pattern.compile(
            "^(?:CC[- ]?)((?:BY|BY[- ]SA|BY[- ]NC|BY[- ]ND|BY[- ]NC[- ]SA|BY[- ]NC[- ]ND))[- ]?(\\d\\.\\d)$",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern CC0 = Pattern.compile(
            "(?i)^(?:CC0(?:[- ]1\\.0)?|.*publicdomain/zero/1\\.0.*)$");

    private Spdx() {}

    public static Optional<String> idFor(String labelOrUrl) {
        if (labelOrUrl == null || labelOrUrl.isBlank()) {
            return Optional.empty();
        }
        String text = labelOrUrl.strip();
        if (CC0.matcher(text).matches()) {
            return Optional.of("CC0-1.0");
        }
        Matcher url = CC_URL.matcher(text);
        if (url.find()) {
            return Optional.of(ccId(url.group(1), url.group(2)));
        }
        Matcher label = CC_LABEL.matcher(text);
        if (label.matches()) {
            return Optional.of(ccId(label.group(1), label.group(2)));
        }
        return Optional.empty();
    }

    private static String ccId(String kind, String version) {
        return "CC-" + kind.toUpperCase(Locale.ROOT).replace(' ', '-') + "-" + version;
    }

    /** A licence from a label and URL as given; the SPDX id from whichever of the two is recognised. */
    public static License license(String label, String url) {
        String spdx = idFor(url).or(() -> idFor(label)).orElse(null);
        String cleanLabel = label == null || label.isBlank() ? null : label.strip();
        String cleanUrl = url == null || url.isBlank() ? null : url.strip();
        if (spdx == null && cleanLabel == null && cleanUrl == null) {
            return null;
        }
        return new License(spdx, cleanUrl, cleanLabel);
    }
}
