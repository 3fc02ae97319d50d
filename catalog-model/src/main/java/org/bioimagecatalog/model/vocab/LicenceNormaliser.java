package org.bioimagecatalog.model.vocab;

import org.bioimagecatalog.model.DatasetMetadata;
import org.bioimagecatalog.model.License;

/**
 * Licences to SPDX ({@link SpdxLicenceList}): fills {@code spdx} from the URL or the label where the source
 * did not give it, and writes a given id in the list's own spelling ("cc-by-4.0" → "CC-BY-4.0"). URL and label
 * are kept as given.
 */
final class LicenceNormaliser {
    private final SpdxLicenceList licences;

    LicenceNormaliser() {
        this(SpdxLicenceList.get());
    }

    LicenceNormaliser(SpdxLicenceList licences) {
        this.licences = licences;
    }

    /** Reads the source's values from {@code source} and writes the harmonised ones into {@code target}. */
    void normalise(DatasetMetadata source, DatasetMetadata.Builder target) {
        License given = source.license();
        if (given == null) {
            return;
        }
        String spdx = licences.byId(given.spdx())
                .or(() -> licences.recognise(given.url()))
                .or(() -> licences.recognise(given.label()))
                .map(SpdxLicenceList.Licence::id)
                .orElse(given.spdx());
        target.license(new License(spdx, given.url(), given.label()));
    }
}
