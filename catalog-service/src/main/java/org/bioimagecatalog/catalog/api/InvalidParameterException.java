package org.bioimagecatalog.catalog.api;

import org.bioimagecatalog.catalog.InvalidFieldException;

/**
 * A query parameter or body field the API cannot use; the problem names it in {@code detail} and in
 * {@code errors[].field}.
 */
public class InvalidParameterException extends InvalidFieldException {
    public InvalidParameterException(String parameter, String detail) {
        super(parameter, detail);
    }
}
