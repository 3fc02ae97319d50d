package org.bioimagecatalog.catalog.dataset;

import org.bioimagecatalog.catalog.CatalogException;

/** 410 rather than 404: the id was valid, and clients that stored it should drop it, not retry. */
public class DatasetWithdrawnException extends CatalogException {
    public DatasetWithdrawnException(String id) {
        super(410, "withdrawn", "Dataset withdrawn",
                "dataset " + id + " was withdrawn because its source archive no longer publishes it");
    }
}
