package org.bioimagecatalog.harvester.idr;

import org.bioimagecatalog.harvester.idr.LegacyTextDecoder.Encoding;
import org.bioimagecatalog.model.DatasetMetadata;

/** One IDR study read from its study file: the accession ({@code idr0001}) and the harmonised metadata. */
public record IdrStudy(String accession, DatasetMetadata metadata, Encoding sourceEncoding) {}
