package org.bioimagecatalog.model.vocab;

import java.util.LinkedHashMap;
import java.util.Map;
import org.bioimagecatalog.model.DatasetMetadata;
import org.bioimagecatalog.model.FileFormat;

/**
 * Formats to EDAM / Bio-Formats ids ({@link FormatVocabulary}). The source's label is kept; a value that is not
 * a format (a file or sample name) stays as a label without an id, so facets, which work on ids, never show it.
 * Two labels of one format ("TIFF", "tif") become one value, the first label kept.
 */
final class FormatNormaliser {
    private final FormatVocabulary vocabulary;

    FormatNormaliser() {
        this(FormatVocabulary.get());
    }

    FormatNormaliser(FormatVocabulary vocabulary) {
        this.vocabulary = vocabulary;
    }

    /** Reads the source's values from {@code source} and writes the harmonised ones into {@code target}. */
    void normalise(DatasetMetadata source, DatasetMetadata.Builder target) {
        Map<String, FileFormat> formats = new LinkedHashMap<>();
        for (FileFormat given : source.formats()) {
            String label = given.label() != null && !given.label().isBlank() ? given.label().strip() : given.name();
            FileFormat resolved = vocabulary.byId(given.id()).or(() -> vocabulary.match(label))
                    .map(f -> new FileFormat(label, f.id(), f.name()))
                    .orElseGet(() -> new FileFormat(label, null, null));
            if (resolved.label() != null || resolved.id() != null) {
                formats.putIfAbsent(resolved.id() != null ? resolved.id() : "label:" + LabelKey.of(label), resolved);
            }
        }
        target.clearFormats();
        formats.values().forEach(target::format);
    }
}
