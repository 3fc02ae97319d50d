package org.bioimagecatalog.harvester.run;

/** A malformed request: missing or unusable field or parameter (400). */
public class InvalidRequestException extends HarvestRequestException {
    public InvalidRequestException(String detail) {
        super(400, "invalid-request", "Invalid request", detail);
    }
}
