package org.bioimagecatalog.catalog.api;

import org.bioimagecatalog.catalog.CatalogException;

/** A query or path parameter the API cannot use; the problem names the parameter. */
public class InvalidParameterException extends CatalogException {
    private final String parameter;

    public InvalidParameterException(String parameter, String detail) {
        super(400, "invalid-request", "Invalid parameter", parameter + ": " + detail);
        this.parameter = parameter;
    }

    public String parameter() {
        return parameter;
    }
}
