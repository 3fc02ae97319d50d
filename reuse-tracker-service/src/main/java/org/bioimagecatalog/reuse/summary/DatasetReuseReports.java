package org.bioimagecatalog.reuse.summary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.bioimagecatalog.reuse.citation.CitationLink;
import org.bioimagecatalog.reuse.dataset.TrackedDataset;
import org.bioimagecatalog.reuse.dataset.UnknownDatasetException;

/** Builds reuse reports from the stored links. */
@ApplicationScoped
public class DatasetReuseReports {

    /** One consistent snapshot of the dataset and its links; {@link UnknownDatasetException} if never seen. */
    @Transactional
    public DatasetReuseReport forDataset(String datasetId) {
        TrackedDataset dataset = TrackedDataset.<TrackedDataset>findByIdOptional(datasetId)
                .orElseThrow(() -> new UnknownDatasetException(datasetId));
        return DatasetReuseReport.of(dataset, CitationLink.listForDataset(datasetId));
    }
}
