package org.bioimagecatalog.catalog.merge;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.bioimagecatalog.model.DatasetMetadata;
import org.bioimagecatalog.model.vocab.MetadataNormaliser;
import org.bioimagecatalog.model.vocab.TaxonResolver;

/**
 * Harmonises each source record's metadata against the vocabularies before records are merged, so that merging
 * and provenance compare term ids rather than spellings. Stored source records stay as harvested: the
 * normalised values keep the source's label, and a newer {@link #version()} re-normalises them
 * ({@code harmony.Renormaliser}) without a harvest.
 */
@ApplicationScoped
public class CanonicalNormaliser {
    private final MetadataNormaliser normaliser;

    @Inject
    public CanonicalNormaliser(TaxonResolver onlineTaxa) {
        this.normaliser = new MetadataNormaliser(onlineTaxa);
    }

    /** The version stored with each dataset normalised by it; datasets stored under an older one are re-normalised. */
    public int version() {
        return MetadataNormaliser.VERSION;
    }

    public DatasetMetadata normalise(DatasetMetadata metadata) {
        return metadata == null ? null : normaliser.normalise(metadata);
    }
}
