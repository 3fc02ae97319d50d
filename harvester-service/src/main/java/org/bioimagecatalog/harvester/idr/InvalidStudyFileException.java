package org.bioimagecatalog.harvester.idr;

/** The bytes are not a usable IDR study file; the message says why in a sentence a curator understands. */
public class InvalidStudyFileException extends Exception {
    public InvalidStudyFileException(String reason) {
        super(reason);
    }
}
