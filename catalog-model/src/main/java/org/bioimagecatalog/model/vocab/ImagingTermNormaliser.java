package org.bioimagecatalog.model.vocab;

import org.bioimagecatalog.model.DatasetMetadata;

/** FBbi terms to the field of their branch (vocab-fbbi work). */
final class ImagingTermNormaliser {
    ImagingTermNormaliser() {}

    /** Reads the source's values from {@code source} and writes the harmonised ones into {@code target}. */
    void normalise(DatasetMetadata source, DatasetMetadata.Builder target) {}
}
