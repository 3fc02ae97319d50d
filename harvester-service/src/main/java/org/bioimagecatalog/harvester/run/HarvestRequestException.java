package org.bioimagecatalog.harvester.run;

/**
 * A request the harvester refuses, with the HTTP status and problem kind the API answers with. The one
 * exception mapper turns every subclass into an RFC 9457 problem, so resources never build error bodies.
 */
public abstract class HarvestRequestException extends RuntimeException {
    private final int status;
    private final String kind;
    private final String title;

    protected HarvestRequestException(int status, String kind, String title, String detail) {
        super(detail);
        this.status = status;
        this.kind = kind;
        this.title = title;
    }

    public int status() {
        return status;
    }

    /** The last segment of the problem type URI, e.g. {@code unknown-source}. */
    public String kind() {
        return kind;
    }

    public String title() {
        return title;
    }
}
