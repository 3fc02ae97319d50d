package org.bioimagecatalog.catalog.merge;

import java.util.Map;
import org.bioimagecatalog.model.DatasetMetadata;

/** The canonical metadata of a dataset and, per field, which source records it came from. */
public record MergedMetadata(DatasetMetadata metadata, Map<String, FieldProvenance> provenance) {}
