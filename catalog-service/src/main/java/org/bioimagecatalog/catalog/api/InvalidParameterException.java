package org.bioimagecatalog.catalog.api;

import org.bioimagecatalog.catalog.CatalogException;

/**
 * A query parameter or body field the API cannot use; the problem names it in {@code detail} and in
 * {@code errors[].field}.
 */
public class InvalidParameterException extends CatalogException {
    private final String parameter;
    private final String reason;

    public InvalidParameterException(String parameter, String detail) {
        super(400, "invalid-request", "Invalid parameter", parameter + ": " + detail);
        this.parameter = parameter;
        this.reason = detail;
    }

    public String reason() {
        return reason;
    }

    public String parameter() {
        return parameter;
    }
}
