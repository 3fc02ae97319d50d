package org.bioimagecatalog.model.vocab;

import java.util.Optional;
import org.bioimagecatalog.model.License;

/**
 * SPDX licence ids for harvesters, from labels or URLs, backed by the full SPDX License List
 * ({@link SpdxLicenceList}).
 */
public final class Spdx {
    private Spdx() {}

    /** The SPDX id a label or URL names ("CC BY 4.0", "https://creativecommons.org/licenses/by/4.0/"). */
    public static Optional<String> idFor(String labelOrUrl) {
        return SpdxLicenceList.get().recognise(labelOrUrl).map(SpdxLicenceList.Licence::id);
    }

    /** A licence from a label and URL as given; the SPDX id from whichever of the two is recognised. */
    public static License license(String label, String url) {
        String spdx = idFor(url).or(() -> idFor(label)).orElse(null);
        String cleanLabel = label == null || label.isBlank() ? null : label.strip();
        String cleanUrl = url == null || url.isBlank() ? null : url.strip();
        if (spdx == null && cleanLabel == null && cleanUrl == null) {
            return null;
        }
        return new License(spdx, cleanUrl, cleanLabel);
    }
}
