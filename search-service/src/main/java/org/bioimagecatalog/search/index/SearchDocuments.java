package org.bioimagecatalog.search.index;

import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Makes the index document of a readable event ({@link DatasetDocumentBuilder}). A bean rather than a static call
 * so that the consumer's handling of a document that cannot be made is testable by injecting that failure.
 */
@ApplicationScoped
public class SearchDocuments {
    public ObjectNode build(IndexableDataset dataset, int reuseCount) {
        return DatasetDocumentBuilder.build(dataset.event(), dataset.quality(), reuseCount);
    }
}
