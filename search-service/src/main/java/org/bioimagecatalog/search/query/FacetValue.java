package org.bioimagecatalog.search.query;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One value of a facet and how many matching datasets have it. */
public record FacetValue(@Schema(example = "Homo sapiens") String value, @Schema(example = "12") long count) {}
