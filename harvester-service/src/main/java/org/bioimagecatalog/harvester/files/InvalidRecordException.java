package org.bioimagecatalog.harvester.files;

/** A native record that cannot be used; the message says why in a sentence a curator understands. */
public class InvalidRecordException extends Exception {
    public InvalidRecordException(String reason) {
        super(reason);
    }

    public InvalidRecordException(String reason, Throwable cause) {
        super(reason, cause);
    }
}
