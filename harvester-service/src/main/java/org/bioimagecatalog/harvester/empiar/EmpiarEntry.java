package org.bioimagecatalog.harvester.empiar;

import org.bioimagecatalog.model.DatasetMetadata;

/** One EMPIAR entry mapped: its accession as the API names it ({@code EMPIAR-10988}) and the metadata. */
public record EmpiarEntry(String accession, DatasetMetadata metadata) {}
