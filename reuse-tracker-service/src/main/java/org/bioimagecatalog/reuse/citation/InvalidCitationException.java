package org.bioimagecatalog.reuse.citation;

import java.util.List;
import org.bioimagecatalog.model.api.Problem;

/** A submission whose identifiers do not parse; carries one error per field. */
public class InvalidCitationException extends RuntimeException {
    private final List<Problem.FieldError> errors;

    public InvalidCitationException(List<Problem.FieldError> errors) {
        super("the citation has invalid identifiers");
        this.errors = List.copyOf(errors);
    }

    public List<Problem.FieldError> errors() {
        return errors;
    }
}
