package org.bioimagecatalog.harvester.bia;

import org.bioimagecatalog.model.DatasetMetadata;

/** One BioStudies study mapped: the archive its accession belongs to, the accession, the metadata. */
public record BiaStudy(String archive, String accession, DatasetMetadata metadata) {}
