package org.bioimagecatalog.catalog;

/**
 * The root of every error this service reports to a client. Each subclass is one kind of problem: it
 * names its HTTP status, its problem type (the last segment of the {@code type} URI) and a short title,
 * so that one mapper turns all of them into RFC 9457 problem+json.
 */
public abstract class CatalogException extends RuntimeException {
    private final int status;
    private final String kind;
    private final String title;

    protected CatalogException(int status, String kind, String title, String detail) {
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
}
