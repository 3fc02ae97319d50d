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
        @Schema(description = "Per facet (source, organism, organismParents, cellLine, imagingMethod,"
                + " imagingMethodParents, samplePreparation, license, format, studyType, releaseYear, hasReuse,"
                + " quality), the buckets and their counts. In a term facet each bucket is one ontology id (`value`)"
                + " with its canonical `name`; a value without an id is never a bucket. The parents facets count"
                + " configured parent terms with every descendant rolled up, and filter with their facet's"
                + " parameter. A facet's counts ignore the facet's own selection, so other values stay selectable.")
        Map<String, List<FacetValue>> facets,
        @Schema(description = "Opaque cursor to the next page (pass it as `cursor`, nothing else needed); absent"
                + " on the last page. From the second page on, the pages come from one point in time, so they stay"
                + " stable while the index changes.")
        String cursor,
        @Schema(description = "Present when no dataset matched all the words: the words left out to find these"
                + " results and a message saying so (never a silent zero)")
        RelaxedQuery relaxed,
        @Schema(description = "The query with its words that the index does not hold replaced by the closest words it"
                + " does; absent when every word is known", example = "virtual nanoscopy of the mouse glomerulus")
        String didYouMean) {

    public SearchResult(long total, int page, int size, List<SearchHit> items, Map<String, List<FacetValue>> facets) {
        this(total, page, size, items, facets, null);
    }

    public SearchResult(long total, int page, int size, List<SearchHit> items, Map<String, List<FacetValue>> facets,
            String cursor) {
        this(total, page, size, items, facets, cursor, null, null);
    }

    SearchResult relaxed(RelaxedQuery relaxation, String suggestion) {
        return new SearchResult(total, page, size, items, facets, cursor, relaxation,
                didYouMean != null ? didYouMean : suggestion);
    }
}
