package org.bioimagecatalog.harvester.gide;

import org.bioimagecatalog.model.DatasetMetadata;

/**
 * One GIDE RO-Crate mapped: the archive its study belongs to (null when the crate does not say), the archive's
 * own id of the study ({@code idr0001}, {@code S-BIAD1008}, {@code EMPIAR-10310}, {@code 10-Komatsuzaki-MolDyn})
 * and the metadata.
 */
public record GideCrate(String archive, String nativeId, DatasetMetadata metadata) {}
