package org.bioimagecatalog.reuse.collect;

/** A collector run could not finish: the upstream failed or answered something unreadable. */
public class CollectorException extends RuntimeException {
    public CollectorException(String message) {
        super(message);
    }

    public CollectorException(String message, Throwable cause) {
        super(message, cause);
    }
}
