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
    public static final int VERSION = 3;

    private final OrganismNormaliser organisms;
    private final ImagingTermNormaliser imagingTerms;
    private final FormatNormaliser formats;
    private final LicenceNormaliser licences;

    public MetadataNormaliser(TaxonResolver onlineTaxa) {
        this(new OrganismNormaliser(onlineTaxa), new ImagingTermNormaliser(), new FormatNormaliser(),
                new LicenceNormaliser());
    }

    MetadataNormaliser(OrganismNormaliser organisms, ImagingTermNormaliser imagingTerms, FormatNormaliser formats,
            LicenceNormaliser licences) {
        this.organisms = organisms;
        this.imagingTerms = imagingTerms;
        this.formats = formats;
        this.licences = licences;
    }

    public DatasetMetadata normalise(DatasetMetadata metadata) {
        DatasetMetadata.Builder b = metadata.toBuilder();
        organisms.normalise(metadata, b);
        imagingTerms.normalise(metadata, b);
        formats.normalise(metadata, b);
        licences.normalise(metadata, b);
        return b.build();
    }
}
