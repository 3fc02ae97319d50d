package org.bioimagecatalog.reuse.citation;

import java.text.Normalizer;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Reduces a person's name to family name + first initial, the part that different sources agree on:
 * "Graml V", "Graml, Virginie", "Virginie Graml" and "V. Graml" all become {@code graml|v}. Good enough to
 * recognise a dataset's producers among a paper's authors when no ORCID is given; never used to merge people.
 */
public final class PersonNames {
    private PersonNames() {}

    public static Optional<String> key(String name) {
        if (name == null || name.isBlank()) {
            return Optional.empty();
        }
        String plain = Normalizer.normalize(name.strip(), Normalizer.Form.NFD).replaceAll("\\p{M}", "");
        String family;
        String given;
        int comma = plain.indexOf(',');
        if (comma >= 0) {
            family = plain.substring(0, comma);
            given = plain.substring(comma + 1);
        } else {
            List<String> tokens = Arrays.stream(plain.split("\\s+")).filter(t -> !t.isBlank()).toList();
            String last = tokens.get(tokens.size() - 1);
            if (tokens.size() > 1 && isInitials(last)) {
                family = String.join(" ", tokens.subList(0, tokens.size() - 1));
                given = last;
            } else {
                family = last;
                given = tokens.size() > 1 ? tokens.get(0) : "";
            }
        }
        String familyKey = family.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}]", "");
        if (familyKey.isEmpty()) {
            return Optional.empty();
        }
        String initial = given.replaceAll("[^\\p{L}]", "").toLowerCase(Locale.ROOT);
        return Optional.of(familyKey + "|" + (initial.isEmpty() ? "" : initial.substring(0, 1)));
    }

    /** "V", "JL", "J.L." — initials as PubMed and Europe PMC write them after the family name. */
    private static boolean isInitials(String token) {
        String letters = token.replace(".", "");
        return !letters.isEmpty() && letters.length() <= 3 && letters.equals(letters.toUpperCase(Locale.ROOT))
                && letters.chars().allMatch(Character::isLetter);
    }
}
