package org.bioimagecatalog.harvester.run;

import java.util.Optional;

/** A configured source: its name, the connector that reads it and its default location, if any. */
public record HarvestSource(String name, String type, Optional<String> location, SourceConnector connector) {}
