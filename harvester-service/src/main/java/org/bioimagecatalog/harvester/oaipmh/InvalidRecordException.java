package org.bioimagecatalog.harvester.oaipmh;

/** A record that was read but cannot be mapped to the common model (e.g. it has no title). */
public class InvalidRecordException extends Exception {
    public InvalidRecordException(String message) {
        super(message);
    }
}
