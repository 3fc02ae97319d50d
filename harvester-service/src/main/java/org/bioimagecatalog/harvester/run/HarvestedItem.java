package org.bioimagecatalog.harvester.run;

import org.bioimagecatalog.model.DatasetMetadata;

/** One native record mapped to the common model, with where it came from. */
public record HarvestedItem(String nativeId, String sourceUrl, DatasetMetadata metadata) {}
