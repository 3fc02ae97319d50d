package org.bioimagecatalog.harvester.zenodo;

/** A Zenodo record that cannot be mapped to the common model (e.g. it has no title). */
public class InvalidZenodoRecordException extends Exception {
    public InvalidZenodoRecordException(String message) {
        super(message);
    }
}
