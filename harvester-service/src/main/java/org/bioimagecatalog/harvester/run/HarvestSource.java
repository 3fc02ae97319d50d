package org.bioimagecatalog.harvester.run;

import java.util.Optional;

/**
 * A configured source: its name, the connector that reads it, the archive its record keys name (configured, or
 * the connector's own) and its default location, if any.
 */
public record HarvestSource(String name, String type, String archive, Optional<String> location,
        SourceConnector connector) {}
