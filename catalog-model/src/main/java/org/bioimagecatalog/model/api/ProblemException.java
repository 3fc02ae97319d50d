package org.bioimagecatalog.model.api;

import java.util.List;

/**
 * An error a service reports to its client as a {@link Problem}: each subclass is one kind of problem and names its
 * HTTP status, its problem type (the last segment of the {@code type} URI, e.g. {@code unknown-source}) and a short
 * title, so that one exception mapper per service turns all of them into RFC 9457 problem+json.
 */
public abstract class ProblemException extends RuntimeException {
    private final int status;
    private final String kind;
    private final String title;

    protected ProblemException(int status, String kind, String title, String detail) {
        super(detail);
        this.status = status;
        this.kind = kind;
        this.title = title;
    }

    public int status() {
        return status;
    }

    public String kind() {
        return kind;
    }

    public String title() {
        return title;
    }

    /** The offending fields, machine-readable; none unless a subclass names them. */
    public List<Problem.FieldError> errors() {
        return List.of();
    }

    /** The problem this exception reports, without {@code instance} (the mapper adds the request's path). */
    public Problem problem() {
        return Problem.of(kind, title, status, getMessage()).withErrors(errors());
    }
}
