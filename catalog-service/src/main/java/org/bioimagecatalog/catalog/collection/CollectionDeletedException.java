package org.bioimagecatalog.catalog.collection;

import org.bioimagecatalog.catalog.CatalogException;

/** A deleted collection: its id stays taken, and its URL says it existed (410) rather than 404. */
public class CollectionDeletedException extends CatalogException {
    public CollectionDeletedException(String id) {
        super(410, "deleted", "Collection deleted", "the collection " + id + " was deleted by its curator");
    }
}
