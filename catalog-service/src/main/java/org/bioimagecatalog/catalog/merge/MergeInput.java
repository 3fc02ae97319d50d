package org.bioimagecatalog.catalog.merge;

import org.bioimagecatalog.model.DatasetMetadata;

/** One active source record of a dataset, as the merger reads it. */
public record MergeInput(String key, String source, DatasetMetadata metadata) {}
