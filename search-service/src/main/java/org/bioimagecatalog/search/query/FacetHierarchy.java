package org.bioimagecatalog.search.query;

import java.util.List;
import java.util.Map;
import org.bioimagecatalog.search.SearchConfig;

/**
 * The parents each hierarchical facet counts with rolled-up counts, and the terms too general to be a bucket
 * ("recorded image" is the parent of nearly every imaging method), by facet.
 */
public record FacetHierarchy(Map<Facet, List<String>> parents, Map<Facet, List<String>> hidden) {
    /** No parents counted, every term shown. */
    public static final FacetHierarchy NONE = new FacetHierarchy(Map.of(), Map.of());

    public FacetHierarchy {
        parents = Map.copyOf(parents);
        hidden = Map.copyOf(hidden);
    }

    public static FacetHierarchy of(SearchConfig.Facets config) {
        return new FacetHierarchy(
                Map.of(Facet.ORGANISM, config.organismParents(), Facet.IMAGING_METHOD, config.imagingMethodParents()),
                Map.of(Facet.IMAGING_METHOD, config.imagingMethodHidden()));
    }

    public List<String> parentsOf(Facet facet) {
        return parents.getOrDefault(facet, List.of());
    }

    public List<String> hiddenOf(Facet facet) {
        return hidden.getOrDefault(facet, List.of());
    }
}
