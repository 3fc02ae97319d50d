package org.bioimagecatalog.catalog.dataset;

import java.time.Instant;

/** Per archive: records held, records the archive has since deleted, and when it was last harvested. */
public record SourceStats(String source, long records, long deleted, Instant lastHarvest) {}
