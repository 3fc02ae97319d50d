package org.bioimagecatalog.model;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * A cell line as the source named it ({@code label}), with its Cellosaurus accession ({@code CVCL_0030}),
 * canonical name and the NCBI Taxonomy id of its species where known.
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record CellLine(String label, String cellosaurusId, String name, String ncbiTaxonId) {}
