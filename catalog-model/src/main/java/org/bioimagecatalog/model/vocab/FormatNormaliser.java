package org.bioimagecatalog.model.vocab;

import org.bioimagecatalog.model.DatasetMetadata;

/** Formats to EDAM / Bio-Formats ids (vocab-fbbi work). */
final class FormatNormaliser {
    FormatNormaliser() {}

    /** Reads the source's values from {@code source} and writes the harmonised ones into {@code target}. */
    void normalise(DatasetMetadata source, DatasetMetadata.Builder target) {}
}
