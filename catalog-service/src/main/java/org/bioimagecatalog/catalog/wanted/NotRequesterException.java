package org.bioimagecatalog.catalog.wanted;

import org.bioimagecatalog.catalog.CatalogException;

/** A valid key that is neither the requester's nor a curator's tried to change a request's status. */
public class NotRequesterException extends CatalogException {
    public NotRequesterException(long id) {
        super(403, "forbidden", "Forbidden",
                "only the key that posted request " + id + " or a curator may change its status");
    }
}
