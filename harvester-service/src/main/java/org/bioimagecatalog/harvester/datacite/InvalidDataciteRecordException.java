package org.bioimagecatalog.harvester.datacite;

/** A DataCite JSON record that cannot be mapped to the common model (e.g. it has no title). */
public class InvalidDataciteRecordException extends Exception {
    public InvalidDataciteRecordException(String message) {
        super(message);
    }
}
