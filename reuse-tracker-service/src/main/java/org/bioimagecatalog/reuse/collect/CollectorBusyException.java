package org.bioimagecatalog.reuse.collect;

/** Another run (here or on another replica) holds the collector's lease. */
public class CollectorBusyException extends RuntimeException {
    public CollectorBusyException(String name) {
        super("collector " + name + " is already running");
    }
}
