package org.bioimagecatalog.http.client;

import java.net.URI;

/** A URL could not be fetched, after the retries it deserved; the message names the URL and the cause. */
public class HttpFetchException extends Exception {
    private final URI uri;
    private final int status;

    public HttpFetchException(URI uri, int status, String message) {
        super(message);
        this.uri = uri;
        this.status = status;
    }

    public HttpFetchException(URI uri, String message, Throwable cause) {
        super(message, cause);
        this.uri = uri;
        this.status = -1;
    }

    public URI uri() {
        return uri;
    }

    /** The last HTTP status, or -1 when no response came at all. */
    public int status() {
        return status;
    }
}
