package org.bioimagecatalog.search.query;

/**
 * The filters that are not a choice among term values: a release-year range, has-reuse, and a minimum
 * metadata quality score (0 to 100, as catalog-service computes it). Null means "not filtered".
 */
public record RangeFilters(Integer releasedFrom, Integer releasedTo, Boolean hasReuse, Integer minQuality) {
    public static final RangeFilters NONE = new RangeFilters(null, null, null, null);

    public boolean hasYearRange() {
        return releasedFrom != null || releasedTo != null;
    }
}
