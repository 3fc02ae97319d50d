package org.bioimagecatalog.catalog;

/**
 * A request field or parameter the service cannot use, named so that the problem can say which
 * ({@code errors[].field}); thrown by any layer, mapped to a 400 by the API's ProblemMapper.
 */
public class InvalidFieldException extends CatalogException {
    private final String field;
    private final String reason;

    public InvalidFieldException(String field, String reason) {
        super(400, "invalid-request", "Invalid parameter", field + ": " + reason);
        this.field = field;
        this.reason = reason;
    }

    public String reason() {
        return reason;
    }

    public String parameter() {
        return field;
    }
}
