package org.bioimagecatalog.catalog.api;

import java.util.List;
import org.bioimagecatalog.catalog.CatalogException;
import org.bioimagecatalog.http.ProblemResponses;
import org.bioimagecatalog.model.api.Problem;

/**
 * A query parameter or body field the API cannot use; the problem names it in {@code detail} and in
 * {@code errors[].field}.
 */
public class InvalidParameterException extends CatalogException {
    private final String parameter;
    private final String reason;

    public InvalidParameterException(String parameter, String detail) {
        super(400, ProblemResponses.INVALID_REQUEST, ProblemResponses.INVALID_REQUEST_TITLE, parameter + ": " + detail);
        this.parameter = parameter;
        this.reason = detail;
    }

    public String reason() {
        return reason;
    }

    public String parameter() {
        return parameter;
    }

    @Override
    public List<Problem.FieldError> errors() {
        return List.of(new Problem.FieldError(parameter, reason));
    }
}
