package org.bioimagecatalog.model.vocab;

import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * File formats as data: EDAM's formats ({@code vocab/edam-formats.tsv}), the microscopy formats Bio-Formats
 * documents ({@code vocab/bioformats-formats.tsv}) and the reviewed labels between them
 * ({@code vocab/format-label-mappings.tsv}). A format has the EDAM id where EDAM has it, otherwise a
 * Bio-Formats id {@code bioformats:<slug>} (the Bio-Formats name without its parenthesis, lower case, words
 * joined by hyphens: "Zeiss CZI" → {@code bioformats:zeiss-czi}). Loaded once on first use.
 */
public final class FormatVocabulary {
    /** The id prefix of formats that only Bio-Formats documents. */
    public static final String BIOFORMATS_PREFIX = "bioformats:";
    private static final String NOT_A_FORMAT = "-";
    private static final Pattern EXTENSION = Pattern.compile("\\.([A-Za-z0-9][A-Za-z0-9.]*[A-Za-z0-9]|[A-Za-z0-9])");
    private static final Pattern BARE_EXTENSION = Pattern.compile("^\\*?\\.?([A-Za-z0-9]{1,8}(?:\\.[A-Za-z0-9]{1,8})?)$");
    private static final Pattern TRAILING_WORD = Pattern.compile("\\s+(format|formats|file|files|images?)$");

    /** A format of the vocabulary: its id and canonical name. */
    public record Format(String id, String name) {}

    private final Map<String, Format> byId;
    private final Map<String, String> curated;
    private final Map<String, String> byName;
    private final Map<String, String> byExtension;

    private FormatVocabulary() {
        Map<String, Format> formats = new LinkedHashMap<>();
        Map<String, String> names = new HashMap<>();
        Map<String, String> extensions = new HashMap<>();
        Set<String> ambiguousExtensions = new HashSet<>();

        for (String[] row : VocabResource.rows("/vocab/edam-formats.tsv")) {
            formats.put(row[0], new Format(row[0], row[1]));
            putName(names, row[1], row[0]);
            for (String synonym : VocabResource.list(row[2])) {
                putName(names, synonym, row[0]);
            }
            for (String ext : VocabResource.list(row[3])) {
                extensions.putIfAbsent(LabelKey.of(ext), row[0]);
            }
        }
        Map<String, String> curatedIds = curatedIds();
        Map<String, Set<String>> bioformatsExtensions = new HashMap<>();
        for (String[] row : VocabResource.rows("/vocab/bioformats-formats.tsv")) {
            String edam = firstMatch(curatedIds, names, row[0]);
            String id = edam != null && !edam.equals(NOT_A_FORMAT) ? edam : BIOFORMATS_PREFIX + slug(row[0]);
            if (id.startsWith(BIOFORMATS_PREFIX)) {
                if (formats.containsKey(id)) {
                    throw new IllegalStateException("two Bio-Formats formats share the id " + id);
                }
                formats.put(id, new Format(id, row[0]));
            }
            for (String key : LabelKey.variants(row[0])) {
                names.putIfAbsent(key, id);
            }
            Matcher m = EXTENSION.matcher(row[1] == null ? "" : row[1].replaceAll("<[^>]*>", " "));
            while (m.find()) {
                bioformatsExtensions.computeIfAbsent(LabelKey.of(m.group(1)), k -> new HashSet<>()).add(id);
            }
        }
        bioformatsExtensions.forEach((ext, ids) -> {
            if (ids.size() == 1) {
                extensions.putIfAbsent(ext, ids.iterator().next());
            } else if (!extensions.containsKey(ext)) {
                ambiguousExtensions.add(ext);
            }
        });
        for (Map.Entry<String, String> e : curatedIds.entrySet()) {
            if (!e.getValue().equals(NOT_A_FORMAT) && !formats.containsKey(e.getValue())) {
                throw new IllegalStateException("format-label-mappings.tsv names " + e.getValue()
                        + ", which neither edam-formats.tsv nor bioformats-formats.tsv has");
            }
        }
        ambiguousExtensions.forEach(extensions::remove);
        this.byId = Map.copyOf(formats);
        this.curated = Map.copyOf(curatedIds);
        this.byName = Map.copyOf(names);
        this.byExtension = Map.copyOf(extensions);
    }

    private static final class Holder {
        static final FormatVocabulary INSTANCE = new FormatVocabulary();
    }

    public static FormatVocabulary get() {
        return Holder.INSTANCE;
    }

    /**
     * The format a label or a bare file extension names ("TIFF", "tif", ".ome.tif", "TIFF (Tagged Image File
     * Format)", "Zeiss CZI"); empty for anything else, file names and sample names included.
     */
    public Optional<Format> match(String label) {
        if (label == null || label.isBlank()) {
            return Optional.empty();
        }
        String text = label.strip();
        String id = firstMatch(curated, byName, text);
        if (id == null) {
            String shorter = TRAILING_WORD.matcher(LabelKey.of(text)).replaceFirst("");
            id = firstMatch(curated, byName, shorter);
        }
        if (id == null) {
            Matcher ext = BARE_EXTENSION.matcher(text);
            if (ext.matches()) {
                String key = LabelKey.of(ext.group(1));
                id = curated.containsKey(key) ? curated.get(key) : byExtension.get(key);
                if (id == null && key.contains(" ")) {
                    String last = key.substring(key.lastIndexOf(' ') + 1);
                    id = curated.containsKey(last) ? curated.get(last) : byExtension.get(last);
                }
            }
        }
        return id == null || id.equals(NOT_A_FORMAT) ? Optional.empty() : Optional.ofNullable(byId.get(id));
    }

    /** The format with this id (an EDAM {@code format_NNNN} or a {@code bioformats:} id). */
    public Optional<Format> byId(String id) {
        return Optional.ofNullable(id == null ? null : byId.get(id));
    }

    private static String firstMatch(Map<String, String> curated, Map<String, String> names, String label) {
        for (String key : LabelKey.variants(label)) {
            if (curated.containsKey(key)) {
                return curated.get(key);
            }
        }
        for (String key : LabelKey.variants(label)) {
            if (names.containsKey(key)) {
                return names.get(key);
            }
        }
        return null;
    }

    private static void putName(Map<String, String> names, String name, String id) {
        for (String key : LabelKey.variants(name)) {
            names.putIfAbsent(key, id);
        }
        String shorter = TRAILING_WORD.matcher(LabelKey.of(name)).replaceFirst("");
        if (!shorter.isEmpty()) {
            names.putIfAbsent(shorter, id);
        }
    }

    private static Map<String, String> curatedIds() {
        Map<String, String> ids = new HashMap<>();
        for (String[] row : VocabResource.rows("/vocab/format-label-mappings.tsv")) {
            ids.put(LabelKey.of(row[0]), row[1]);
        }
        return ids;
    }

    private static String slug(String bioformatsName) {
        List<String> variants = LabelKey.variants(bioformatsName);
        String base = variants.size() > 1 ? variants.get(1) : variants.get(0);
        return base.replace(' ', '-');
    }
}
