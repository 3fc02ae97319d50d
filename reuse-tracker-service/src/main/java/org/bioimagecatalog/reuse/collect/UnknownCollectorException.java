package org.bioimagecatalog.reuse.collect;

import java.util.Set;

/** The trigger named a collector that does not exist. */
public class UnknownCollectorException extends RuntimeException {
    public UnknownCollectorException(String name, Set<String> known) {
        super("no collector " + name + "; known collectors: " + String.join(", ", known));
    }
}
