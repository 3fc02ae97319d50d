package org.bioimagecatalog.catalog.dataset;

import org.bioimagecatalog.catalog.CatalogException;

public class DatasetNotFoundException extends CatalogException {
    public DatasetNotFoundException(String id) {
        super(404, "not-found", "Dataset not found", "no dataset has the id " + id);
    }
}
