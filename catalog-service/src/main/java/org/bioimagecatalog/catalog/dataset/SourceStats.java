package org.bioimagecatalog.catalog.dataset;

import java.time.Instant;

/**
 * Per archive: records held, records the archive has since deleted, when it was last harvested, the live
 * datasets its records are part of and their average quality score (null when there are none).
 */
public record SourceStats(String source, long records, long deleted, Instant lastHarvest, long datasets,
        Double averageQuality) {}
