package org.bioimagecatalog.model.vocab;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The form in which vocabulary labels are compared: case, accents, punctuation and spacing do not count, so
 * "Bright-field microscopy", "bright field  microscopy" and "bright_field microscopy" are one key.
 */
final class LabelKey {
    private static final Pattern NOT_ALPHANUMERIC = Pattern.compile("[^\\p{L}\\p{N}]+");
    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    private static final Pattern PARENTHETICAL = Pattern.compile("[(\\[]([^()\\[\\]]*)[)\\]]");

    private LabelKey() {}

    /** The comparison key of a label; empty when the label has no letters or digits. */
    static String of(String label) {
        if (label == null) {
            return "";
        }
        String folded = MARKS.matcher(Normalizer.normalize(label, Normalizer.Form.NFKD)).replaceAll("");
        return NOT_ALPHANUMERIC.matcher(folded.toLowerCase(Locale.ROOT)).replaceAll(" ").strip();
    }

    /**
     * The keys a label may be known by, most specific first: the whole label, the label without its
     * parenthetical parts ("structured illumination microscopy (SIM)" → "structured illumination
     * microscopy"), then each parenthetical part on its own ("SIM").
     */
    static List<String> variants(String label) {
        Set<String> keys = new LinkedHashSet<>();
        keys.add(of(label));
        if (label != null) {
            Matcher m = PARENTHETICAL.matcher(label);
            List<String> inner = new ArrayList<>();
            while (m.find()) {
                inner.add(m.group(1));
            }
            if (!inner.isEmpty()) {
                keys.add(of(PARENTHETICAL.matcher(label).replaceAll(" ")));
                inner.forEach(i -> keys.add(of(i)));
            }
        }
        keys.remove("");
        return List.copyOf(keys);
    }
}
