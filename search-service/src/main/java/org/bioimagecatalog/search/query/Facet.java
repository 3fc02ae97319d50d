package org.bioimagecatalog.search.query;

import java.util.List;

/**
 * The multi-select facets of the search API: the request parameter, the keyword field counted for the
 * facet, and the fields a filter value may match (a label, or an ontology id such as {@code 9606}).
 */
public enum Facet {
    SOURCE("source", "sources", List.of("sources")),
    ORGANISM("organism", "organismFacet", List.of("organismFacet", "organismTaxonIds")),
    IMAGING_METHOD("imagingMethod", "imagingMethodFacet", List.of("imagingMethodFacet", "fbbiIds")),
    LICENSE("license", "license", List.of("license"));

    private final String param;
    private final String countedField;
    private final List<String> filterFields;

    Facet(String param, String countedField, List<String> filterFields) {
        this.param = param;
        this.countedField = countedField;
        this.filterFields = filterFields;
    }

    public String param() {
        return param;
    }

    public String countedField() {
        return countedField;
    }

    public List<String> filterFields() {
        return filterFields;
    }
}
