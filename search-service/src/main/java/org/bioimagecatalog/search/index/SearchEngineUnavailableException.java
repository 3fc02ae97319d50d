package org.bioimagecatalog.search.index;

/** Elasticsearch cannot be reached or failed on its side: a 503 for the API, a retry for the consumers. */
public class SearchEngineUnavailableException extends RuntimeException {
    public SearchEngineUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
