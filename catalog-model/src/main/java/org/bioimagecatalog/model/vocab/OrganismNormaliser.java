package org.bioimagecatalog.model.vocab;

import org.bioimagecatalog.model.DatasetMetadata;

/** Organisms to NCBI taxa; cell lines out to cellLines with their species as the organism (vocab-taxa work). */
final class OrganismNormaliser {
    private final TaxonResolver onlineTaxa;

    OrganismNormaliser(TaxonResolver onlineTaxa) {
        this.onlineTaxa = onlineTaxa;
    }

    /** Reads the source's values from {@code source} and writes the harmonised ones into {@code target}. */
    void normalise(DatasetMetadata source, DatasetMetadata.Builder target) {}
}
