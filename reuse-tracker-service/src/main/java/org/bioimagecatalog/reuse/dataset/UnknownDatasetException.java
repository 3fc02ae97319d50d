package org.bioimagecatalog.reuse.dataset;

/** The tracker has never seen this dataset on datasets.v1. */
public class UnknownDatasetException extends RuntimeException {
    private final String datasetId;

    public UnknownDatasetException(String datasetId) {
        super("no dataset " + datasetId + " is known to the reuse tracker");
        this.datasetId = datasetId;
    }

    public String datasetId() {
        return datasetId;
    }
}
