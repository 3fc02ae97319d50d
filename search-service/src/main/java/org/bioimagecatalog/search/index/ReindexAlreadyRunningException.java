package org.bioimagecatalog.search.index;

/** A reindex was asked for while one is running on this replica. */
public class ReindexAlreadyRunningException extends RuntimeException {
    public ReindexAlreadyRunningException(String message) {
        super(message);
    }
}
