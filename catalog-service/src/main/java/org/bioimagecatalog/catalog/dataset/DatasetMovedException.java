package org.bioimagecatalog.catalog.dataset;

import org.bioimagecatalog.catalog.CatalogException;

/** 301: the dataset's records were merged into another dataset, which the client should use from now on. */
public class DatasetMovedException extends CatalogException {
    private final String survivor;

    public DatasetMovedException(String id, String survivor) {
        super(301, "merged", "Dataset merged", "dataset " + id + " was merged into " + survivor);
        this.survivor = survivor;
    }

    public String survivor() {
        return survivor;
    }
}
