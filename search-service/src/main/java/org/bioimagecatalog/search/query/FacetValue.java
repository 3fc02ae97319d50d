package org.bioimagecatalog.search.query;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * One bucket of a facet: the value to filter with, the name to show and how many matching datasets have it. In
 * a term facet the value is an ontology id and the name its canonical name; elsewhere both are the value.
 */
@Schema(description = "One facet bucket: pass `value` as the facet's filter parameter, show `name`")
public record FacetValue(
        @Schema(description = "What to filter with: an ontology id in a term facet (NCBI taxon, FBbi, Cellosaurus,"
                + " EDAM format, SPDX), else the value itself", example = "9606") String value,
        @Schema(description = "The canonical name of the id, to show", example = "Homo sapiens") String name,
        @Schema(example = "12") long count) {

    /** A bucket whose value is its own name. */
    public FacetValue(String value, long count) {
        this(value, value, count);
    }
}
