package org.bioimagecatalog.catalog.collection;

import org.bioimagecatalog.catalog.CatalogException;

public class CollectionNotFoundException extends CatalogException {
    public CollectionNotFoundException(String detail) {
        super(404, "not-found", "Not found", detail);
    }
}
