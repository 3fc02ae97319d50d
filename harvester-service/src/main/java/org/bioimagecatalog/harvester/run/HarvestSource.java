package org.bioimagecatalog.harvester.run;

import java.util.Optional;

/**
 * A configured source: its name, the connector that reads it, its archive and its default location, if any.
 * {@code archive} is the source part of its record keys ({@code idr} in {@code idr:idr0001}) for records that do
 * not name their own archive: the configured {@code archive} setting, else the connector's
 * {@link SourceConnector#archiveFor(String)} (a dedicated connector's archive; for a generic, paged connector
 * the source name).
 */
public record HarvestSource(String name, String type, String archive, Optional<String> location,
        SourceConnector connector) {}
