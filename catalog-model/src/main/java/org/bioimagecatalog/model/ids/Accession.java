package org.bioimagecatalog.model.ids;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An archive accession: {@code idr0001}, {@code EMPIAR-10002}, {@code S-BIAD144} / {@code S-BSST…},
 * {@code BBBC021}. {@link #parse} reads one identifier; {@link #findAll} finds them in free text.
 */
public record Accession(Archive archive, String value) {

    public enum Archive {
        IDR("idr", "\\b(idr\\d{4})\\b"),
        EMPIAR("empiar", "\\b(EMPIAR-\\d{5,})\\b"),
        BIA("bia", "\\b(S-B(?:IAD|SST|SMS|IAP)\\d+)\\b"),
        BBBC("bbbc", "\\b(BBBC\\d{3})\\b");

        private final String source;
        private final Pattern pattern;

        Archive(String source, String regex) {
            this.source = source;
            this.pattern = Pattern.compile(regex, Pattern.CASE_INSENSITIVE);
        }

        /** The source name used in record keys, e.g. {@code idr} in {@code idr:idr0001}. */
        public String source() {
            return source;
        }

        String canonical(String matched) {
            return this == IDR ? matched.toLowerCase(Locale.ROOT) : matched.toUpperCase(Locale.ROOT);
        }
    }

    public static Optional<Accession> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String trimmed = text.strip();
        for (Archive archive : Archive.values()) {
            Matcher m = archive.pattern.matcher(trimmed);
            if (m.matches()) {
                return Optional.of(new Accession(archive, archive.canonical(m.group(1))));
            }
        }
        return Optional.empty();
    }

    public static List<Accession> findAll(String text) {
        List<Accession> found = new ArrayList<>();
        if (text == null) {
            return found;
        }
        for (Archive archive : Archive.values()) {
            Matcher m = archive.pattern.matcher(text);
            while (m.find()) {
                Accession a = new Accession(archive, archive.canonical(m.group(1)));
                if (!found.contains(a)) {
                    found.add(a);
                }
            }
        }
        return found;
    }

    /** The source record key this accession names, e.g. {@code empiar:EMPIAR-10002}. */
    public String recordKey() {
        return archive.source() + ":" + value;
    }
}
