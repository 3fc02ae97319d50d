package org.bioimagecatalog.search.query;

import java.util.List;
import org.bioimagecatalog.model.api.Problem;

/** The caller asked for something the search cannot answer (bad page, size, query): a 400. */
public class InvalidSearchRequestException extends RuntimeException {
    private final List<Problem.FieldError> errors;

    public InvalidSearchRequestException(List<Problem.FieldError> errors) {
        super(errors.stream().map(e -> e.field() + ": " + e.message()).reduce((a, b) -> a + "; " + b).orElse(""));
        this.errors = List.copyOf(errors);
    }

    public static InvalidSearchRequestException of(String field, String message) {
        return new InvalidSearchRequestException(List.of(new Problem.FieldError(field, message)));
    }

    public List<Problem.FieldError> errors() {
        return errors;
    }
}
