package org.bioimagecatalog.search.query;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.bioimagecatalog.model.vocab.Fbbi;
import org.bioimagecatalog.model.vocab.NcbiTaxon;
import org.bioimagecatalog.model.vocab.Taxon;
import org.bioimagecatalog.search.index.TermFields;

/**
 * The multi-select term facets of the search API. A <em>term</em> facet counts ontology ids: each bucket is
 * one id with its canonical name ({@link TermFields}), and a filter value is an id (or, for old links, an exact
 * name or label) matched against the id together with its ancestors, so a parent selects its descendants. A
 * <em>plain</em> facet (source, study type) counts the stored value itself. The range facets (release year,
 * quality) and has-reuse are {@link RangeFilters}.
 */
public enum Facet {
    SOURCE("source", null, "sources", false),
    ORGANISM("organism", TermFields.ORGANISM, null, true),
    IMAGING_METHOD("imagingMethod", TermFields.IMAGING_METHOD, null, true),
    CELL_LINE("cellLine", TermFields.CELL_LINE, null, false),
    SAMPLE_PREPARATION("samplePreparation", TermFields.SAMPLE_PREPARATION, null, false),
    LICENSE("license", TermFields.LICENSE, null, false),
    FORMAT("format", TermFields.FORMAT, null, false),
    STUDY_TYPE("studyType", null, "studyTypes", false);

    /** Suffix of the facet that counts a hierarchical facet's configured parents ("organismParents"). */
    public static final String PARENTS_SUFFIX = "Parents";

    private final String param;
    private final String stem;
    private final String plainField;
    private final boolean hierarchical;

    Facet(String param, String stem, String plainField, boolean hierarchical) {
        this.param = param;
        this.stem = stem;
        this.plainField = plainField;
        this.hierarchical = hierarchical;
    }

    public String param() {
        return param;
    }

    /** Whether buckets are ids with canonical names rather than stored values. */
    public boolean byTerm() {
        return stem != null;
    }

    /** Whether a filter on an id includes its descendants, and parents are counted as {@link #parentsParam()}. */
    public boolean hierarchical() {
        return hierarchical;
    }

    public String parentsParam() {
        return param + PARENTS_SUFFIX;
    }

    public String countedField() {
        return byTerm() ? TermFields.terms(stem) : plainField;
    }

    /** Each value's id with its ancestors' ids: a parent's datasets are those holding its id here. */
    public String idsField() {
        return TermFields.ids(stem);
    }

    /**
     * A configured parent as the {@code id|name} keyword its bucket carries, named from the bundled vocabulary
     * (as the catalog names ancestors); the bare id when the vocabulary does not know it.
     */
    public String parentTerm(String id) {
        Optional<String> name = switch (this) {
            case ORGANISM -> NcbiTaxon.taxon(id).map(Taxon::scientificName);
            case IMAGING_METHOD, SAMPLE_PREPARATION -> Fbbi.name(id);
            default -> Optional.empty();
        };
        return TermFields.encode(id, name.orElse(null));
    }

    /** Fields a filter value may match: the ids with their ancestors' ids, and the names and labels. */
    public List<String> filterFields() {
        return byTerm() ? List.of(TermFields.ids(stem), TermFields.names(stem)) : List.of(plainField);
    }

    /**
     * A filter value as given, and the id it stands for when written in another form ({@code NCBITaxon:9606}
     * for the taxon {@code 9606}, {@code FBbi_00000256} for {@code FBbi:00000256}).
     */
    public List<String> filterValues(String value) {
        List<String> values = new ArrayList<>(List.of(value));
        Function<String, Optional<String>> parse = switch (this) {
            case ORGANISM -> NcbiTaxon::parseId;
            case IMAGING_METHOD, SAMPLE_PREPARATION -> Fbbi::parseId;
            default -> v -> Optional.empty();
        };
        parse.apply(value).filter(id -> !id.equals(value)).ifPresent(values::add);
        return values;
    }
}
