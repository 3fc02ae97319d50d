package org.bioimagecatalog.model.vocab;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the {@code [Term]} stanzas of an OBO 1.2/1.4 flat file: id, name, EXACT and RELATED synonyms,
 * {@code is_a} parents and the obsolete flag. Other stanzas ({@code [Typedef]}) and tags are skipped; the
 * catalog needs names and the class hierarchy, not the full logical definitions.
 */
final class OboParser {
    private static final Pattern SYNONYM = Pattern.compile("^\"((?:[^\"\\\\]|\\\\.)*)\"\\s+(EXACT|RELATED|BROAD|NARROW)\\b.*");

    private OboParser() {}

    static List<OboTerm> parse(String text) {
        List<OboTerm> terms = new ArrayList<>();
        Stanza current = null;
        for (String raw : text.split("\\R")) {
            String line = raw.strip();
            if (line.startsWith("[")) {
                if (current != null) {
                    current.addTo(terms);
                }
                current = line.equals("[Term]") ? new Stanza() : null;
                continue;
            }
            if (current == null || line.isEmpty() || line.startsWith("!")) {
                continue;
            }
            int colon = line.indexOf(':');
            if (colon < 0) {
                continue;
            }
            current.tag(line.substring(0, colon), stripComment(line.substring(colon + 1).strip()));
        }
        if (current != null) {
            current.addTo(terms);
        }
        return terms;
    }

    /** Drops a trailing {@code ! comment} (OBO writes the parent's name there) outside quoted text. */
    private static String stripComment(String value) {
        boolean quoted = false;
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '\\') {
                i++;
            } else if (c == '"') {
                quoted = !quoted;
            } else if (c == '!' && !quoted && (i == 0 || Character.isWhitespace(value.charAt(i - 1)))) {
                return value.substring(0, i).strip();
            }
        }
        return value;
    }

    private static final class Stanza {
        private String id;
        private String name;
        private final List<String> exact = new ArrayList<>();
        private final List<String> related = new ArrayList<>();
        private final List<String> parents = new ArrayList<>();
        private boolean obsolete;

        void tag(String tag, String value) {
            switch (tag) {
                case "id" -> id = value;
                case "name" -> name = value;
                case "is_a" -> parents.add(value.split("\\s+")[0]);
                case "is_obsolete" -> obsolete = value.equals("true");
                case "synonym" -> synonym(value);
                default -> { }
            }
        }

        private void synonym(String value) {
            Matcher m = SYNONYM.matcher(value);
            if (m.matches()) {
                String text = m.group(1).replace("\\\"", "\"");
                if (m.group(2).equals("EXACT")) {
                    exact.add(text);
                } else if (m.group(2).equals("RELATED")) {
                    related.add(text);
                }
            }
        }

        void addTo(List<OboTerm> terms) {
            if (id != null) {
                terms.add(new OboTerm(id, name, exact, related, parents, obsolete));
            }
        }
    }
}
