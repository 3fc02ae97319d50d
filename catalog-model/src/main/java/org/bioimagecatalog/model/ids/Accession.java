package org.bioimagecatalog.model.ids;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An archive accession: {@code idr0001}, {@code EMPIAR-10002}, {@code S-BIAD144} / {@code S-BSST…},
 * {@code BBBC021}, {@code cpg0016} (Cell Painting Gallery), {@code ssbd-repos-000431} (SSBD repository).
 * {@link #parse} reads one identifier; {@link #findAll} finds them in free text (and in the archives' URLs);
 * {@link #landingUrl} is the archive's own page for it.
 */
public record Accession(Archive archive, String value) {

    public enum Archive {
        IDR("idr", "\\b(idr\\d{4})\\b", "https://idr.openmicroscopy.org/search/?query=Name:"),
        EMPIAR("empiar", "\\b(EMPIAR-\\d{5,})\\b", "https://www.ebi.ac.uk/empiar/"),
        BIA("bia", "\\b(S-B(?:IAD|SST|SMS|IAP)\\d+)\\b", "https://www.ebi.ac.uk/biostudies/bioimages/studies/"),
        BBBC("bbbc", "\\b(BBBC\\d{3})\\b", "https://bbbc.broadinstitute.org/"),
        CPG("cpg", "\\b(cpg\\d{4})\\b", "https://cellpainting-gallery.s3.amazonaws.com/index.html#"),
        SSBD("ssbd", "\\b(ssbd-repos-\\d{6})\\b", "https://ssbd.riken.jp/repository/");

        private final String source;
        private final Pattern pattern;
        private final String landingPrefix;

        Archive(String source, String regex, String landingPrefix) {
            this.source = source;
            this.pattern = Pattern.compile(regex, Pattern.CASE_INSENSITIVE);
            this.landingPrefix = landingPrefix;
        }

        /** The archive named by a record key's source or an identifier's scheme ({@code idr}, {@code cpg}, …). */
        public static Optional<Archive> ofSource(String source) {
            for (Archive archive : values()) {
                if (archive.source.equalsIgnoreCase(source)) {
                    return Optional.of(archive);
                }
            }
            return Optional.empty();
        }

        /** The source name used in record keys, e.g. {@code idr} in {@code idr:idr0001}. */
        public String source() {
            return source;
        }

        String canonical(String matched) {
            return this == IDR || this == CPG || this == SSBD
                    ? matched.toLowerCase(Locale.ROOT) : matched.toUpperCase(Locale.ROOT);
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

    /**
     * The archive's own page for this accession. EMPIAR and SSBD pages end in a slash; the Cell Painting Gallery's
     * browser opens at the dataset's folder, whose name starts with the accession.
     */
    public String landingUrl() {
        String url = archive.landingPrefix + value;
        return archive == Archive.EMPIAR || archive == Archive.SSBD ? url + "/" : url;
    }

    /** The source record key this accession names, e.g. {@code empiar:EMPIAR-10002}. */
    public String recordKey() {
        return archive.source() + ":" + value;
    }
}
