package org.bioimagecatalog.harvester.run;

/** A harvest location that cannot be read at all (missing folder, unreachable host): the run fails. */
public class LocationUnreadableException extends Exception {
    public LocationUnreadableException(String reason) {
        super(reason);
    }

    public LocationUnreadableException(String reason, Throwable cause) {
        super(reason, cause);
    }
}
