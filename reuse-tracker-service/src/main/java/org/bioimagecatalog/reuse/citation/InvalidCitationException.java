package org.bioimagecatalog.reuse.citation;

import java.util.List;
import org.bioimagecatalog.model.api.Problem;

/** Identifiers in a request (a submission, an ORCID in a path) that do not parse; one error per field. */
public class InvalidCitationException extends RuntimeException {
    private final List<Problem.FieldError> errors;

    public InvalidCitationException(List<Problem.FieldError> errors) {
        this("the request has invalid identifiers", errors);
    }

    public InvalidCitationException(String detail, List<Problem.FieldError> errors) {
        super(detail);
        this.errors = List.copyOf(errors);
    }

    public List<Problem.FieldError> errors() {
        return errors;
    }
}
