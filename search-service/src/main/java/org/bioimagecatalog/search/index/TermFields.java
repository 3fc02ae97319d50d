package org.bioimagecatalog.search.index;

/**
 * The keyword fields a term facet is indexed into, named from one stem ("organism" → {@code organismTerms},
 * {@code organismIds}, {@code organismNames}, {@code organismLineageTerms}), and the one-keyword encoding of an
 * id with its canonical name. Counting {@code id|name} keywords gives each bucket its name in the same terms
 * aggregation, with no second look-up per bucket; ids never contain {@link #SEPARATOR}.
 */
public final class TermFields {
    public static final String ORGANISM = "organism";
    public static final String IMAGING_METHOD = "imagingMethod";
    public static final String CELL_LINE = "cellLine";
    public static final String SAMPLE_PREPARATION = "samplePreparation";
    public static final String LICENSE = "license";
    public static final String FORMAT = "format";
    /** Stems of the facets that have a hierarchy (a lineage or ancestors). */
    static final java.util.List<String> HIERARCHICAL = java.util.List.of(ORGANISM, IMAGING_METHOD);
    static final java.util.List<String> ALL = java.util.List.of(ORGANISM, IMAGING_METHOD, CELL_LINE,
            SAMPLE_PREPARATION, LICENSE, FORMAT);
    public static final char SEPARATOR = '|';

    private TermFields() {}

    /** {@code id|name} of each value with an id: what the facet counts. */
    public static String terms(String stem) {
        return stem + "Terms";
    }

    /** Each value's id and its ancestors' ids: what a filter on an id matches. */
    public static String ids(String stem) {
        return stem + "Ids";
    }

    /** Canonical names, ancestors' names and the sources' labels, lower-cased: what a filter on a name matches. */
    public static String names(String stem) {
        return stem + "Names";
    }

    /** {@code id|name} of each value and each ancestor: what the facet's parents are counted on. */
    public static String lineageTerms(String stem) {
        return stem + "LineageTerms";
    }

    public static String encode(String id, String name) {
        return name == null || name.isBlank() ? id : id + SEPARATOR + name.strip();
    }

    /** The id of an encoded term. */
    public static String id(String term) {
        int at = term.indexOf(SEPARATOR);
        return at < 0 ? term : term.substring(0, at);
    }

    /** The name of an encoded term; the id when it was indexed without a name. */
    public static String name(String term) {
        int at = term.indexOf(SEPARATOR);
        return at < 0 ? term : term.substring(at + 1);
    }
}
