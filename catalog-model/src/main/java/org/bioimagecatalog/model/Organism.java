package org.bioimagecatalog.model;

import com.fasterxml.jackson.annotation.JsonInclude;

/** An organism as the source named it, with its NCBI Taxonomy id (digits only) where known. */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Organism(String label, String ncbiTaxonId) {}
