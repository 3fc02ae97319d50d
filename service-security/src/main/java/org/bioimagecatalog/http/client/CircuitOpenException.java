package org.bioimagecatalog.http.client;

import java.net.URI;

/** A request not sent because its source's circuit breaker is open. */
public class CircuitOpenException extends HttpFetchException {
    public CircuitOpenException(URI uri, String message) {
        super(uri, message, null);
    }
}
