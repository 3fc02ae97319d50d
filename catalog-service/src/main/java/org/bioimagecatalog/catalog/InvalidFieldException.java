package org.bioimagecatalog.catalog;

import java.util.List;
import org.bioimagecatalog.http.ProblemResponses;
import org.bioimagecatalog.model.api.Problem;

/**
 * A request field or parameter the service cannot use, named so that the problem can say which
 * ({@code errors[].field}); thrown by any layer, answered as a 400 by service-security's CommonProblemMapper.
 */
public class InvalidFieldException extends CatalogException {
    private final String field;
    private final String reason;

    public InvalidFieldException(String field, String reason) {
        super(400, ProblemResponses.INVALID_REQUEST, ProblemResponses.INVALID_REQUEST_TITLE, field + ": " + reason);
        this.field = field;
        this.reason = reason;
    }

    public String reason() {
        return reason;
    }

    public String parameter() {
        return field;
    }

    @Override
    public List<Problem.FieldError> errors() {
        return List.of(new Problem.FieldError(field, reason));
    }
}
