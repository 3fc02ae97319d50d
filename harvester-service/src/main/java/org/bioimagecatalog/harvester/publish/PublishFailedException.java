package org.bioimagecatalog.harvester.publish;

/** The broker did not acknowledge a record: the run cannot go on without losing records. */
public class PublishFailedException extends RuntimeException {
    public PublishFailedException(String message, Throwable cause) {
        super(message, cause);
    }
}
