package org.bioimagecatalog.model.vocab;

import org.bioimagecatalog.model.DatasetMetadata;

/** Licences to SPDX (vocab-fbbi work). */
final class LicenceNormaliser {
    LicenceNormaliser() {}

    /** Reads the source's values from {@code source} and writes the harmonised ones into {@code target}. */
    void normalise(DatasetMetadata source, DatasetMetadata.Builder target) {}
}
