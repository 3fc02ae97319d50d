package org.bioimagecatalog.reuse.dataset;

/** A datasets.v1 record that is not a usable DatasetChanged: skipped and counted, never retried. */
public class UnreadableDatasetEvent extends RuntimeException {
    public UnreadableDatasetEvent(String reason) {
        super(reason);
    }
}
