package org.bioimagecatalog.catalog.dataset;

import java.time.Instant;
import java.time.LocalDate;

/**
 * What a dataset list is restricted to; null means "any". {@code organismTaxon} is NCBI Taxonomy digits;
 * {@code imagingMethod} is an FBbi id ({@code FBbi:00000246}) or, failing that, a label matched
 * case-insensitively; {@code license} an SPDX id, case-insensitive.
 */
public record DatasetFilter(String source, String organismTaxon, String imagingMethod, String license,
        LocalDate releasedFrom, LocalDate releasedTo, Integer minQuality, Instant updatedSince) {

    public static final DatasetFilter NONE = new DatasetFilter(null, null, null, null, null, null, null, null);

    /** Whether {@code imagingMethod} is an FBbi id (matched as one) rather than a label. */
    public boolean imagingMethodIsFbbiId() {
        return imagingMethod != null && imagingMethod.startsWith("FBbi:");
    }
}
