package org.bioimagecatalog.search.query;

import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One page of search results with the facet counts of the whole result set. */
@Schema(description = "One page of datasets matching the search, and the facet counts of all matches")
public record SearchResult(
        @Schema(description = "Number of matching datasets", example = "42") long total,
        @Schema(description = "Page number, from 1", example = "1") int page,
        @Schema(description = "Page size", example = "20") int size,
        List<SearchHit> items,
        @Schema(description = "Per facet (source, organism, imagingMethod, license), the values and their counts."
                + " A facet's counts ignore the facet's own selection, so other values stay selectable.")
        Map<String, List<FacetValue>> facets) {}
