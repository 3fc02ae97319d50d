package org.bioimagecatalog.harvester.run;

import java.util.Optional;

/** A configured source: its name, the connector that reads it and its default location, if any. */
public record HarvestSource(String name, String type, Optional<String> location, SourceConnector connector) {

    /** The source part of this source's record keys, e.g. {@code idr} in {@code idr:idr0001}. */
    public String archive() {
        return connector.archiveFor(name);
    }
}
