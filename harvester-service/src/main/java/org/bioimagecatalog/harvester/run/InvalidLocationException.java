package org.bioimagecatalog.harvester.run;

/** No location was given and none is configured, or the given one can never be read (400). */
public class InvalidLocationException extends HarvestRequestException {
    public InvalidLocationException(String detail) {
        super(400, "invalid-location", "Invalid location", detail);
    }
}
