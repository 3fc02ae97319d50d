package org.bioimagecatalog.catalog.wanted;

import org.bioimagecatalog.catalog.CatalogException;

public class WantedNotFoundException extends CatalogException {
    public WantedNotFoundException(String id) {
        super(404, "not-found", "Not found", "no request on the wanted boards has the id " + id);
    }
}
