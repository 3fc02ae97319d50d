package org.bioimagecatalog.harvester.bbbc;

import org.bioimagecatalog.model.DatasetMetadata;

/** One BBBC dataset page mapped: its accession ({@code BBBC021}), version if the page gives one, and the record. */
public record BbbcPage(String accession, String version, DatasetMetadata metadata) {}
