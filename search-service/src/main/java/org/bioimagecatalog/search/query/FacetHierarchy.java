package org.bioimagecatalog.search.query;

import java.util.List;
import java.util.Map;
import org.bioimagecatalog.search.SearchConfig;

/** The parent terms each hierarchical facet counts, with the datasets of every descendant rolled up. */
public record FacetHierarchy(Map<Facet, List<String>> parents) {
    /** No parents counted. */
    public static final FacetHierarchy NONE = new FacetHierarchy(Map.of());

    public FacetHierarchy {
        parents = Map.copyOf(parents);
    }

    public static FacetHierarchy of(SearchConfig.Facets config) {
        return new FacetHierarchy(
                Map.of(Facet.ORGANISM, config.organismParents(), Facet.IMAGING_METHOD, config.imagingMethodParents()));
    }

    public List<String> parentsOf(Facet facet) {
        return parents.getOrDefault(facet, List.of());
    }
}
