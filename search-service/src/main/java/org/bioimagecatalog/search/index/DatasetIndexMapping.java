package org.bioimagecatalog.search.index;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.bioimagecatalog.model.ModelJson;

/**
 * The explicit mapping of the dataset index, one version per {@link #VERSION}. {@code dynamic: strict}
 * makes a field the document builder forgot to map fail loudly instead of growing the mapping silently.
 * The {@code _meta} block records how the index was built, so that any replica can read it back.
 */
public final class DatasetIndexMapping {
    public static final int VERSION = 4;
    /** Characters of the longest name (with its id) a term facet keeps. */
    static final int TERM_MAX = 512;
    static final String LOWERCASE_NORMALIZER = "lowercase_keyword";
    public static final String TITLE_SUGGEST = "titleSuggest";
    public static final String ORGANISM_SUGGEST = "organismSuggest";
    public static final String IMAGING_METHOD_SUGGEST = "imagingMethodSuggest";
    public static final String NORMALISED_TITLE = "normalisedTitle";
    public static final String NORMALISED_TEXT = "normalisedText";

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private DatasetIndexMapping() {}

    public static ObjectNode createIndexBody(TextAnalysis analysis, int shards, int replicas) {
        ObjectNode body = JSON.objectNode();
        ObjectNode index = body.putObject("settings").putObject("index");
        index.put("number_of_shards", shards).put("number_of_replicas", replicas);
        // accessions are typed in any case ("empiar-10002"); lowercase is in every distribution
        index.putObject("analysis").putObject("normalizer").putObject(LOWERCASE_NORMALIZER)
                .put("type", "custom").putArray("filter").add("lowercase");
        body.set("mappings", mappings(analysis));
        return body;
    }

    public static ObjectNode mappings(TextAnalysis analysis) {
        ObjectNode mappings = JSON.objectNode();
        mappings.put("dynamic", "strict");
        mappings.putObject("_meta")
                .put("mappingVersion", VERSION)
                .put("analyzer", analysis.analyzer());
        ObjectNode p = mappings.putObject("properties");
        p.set("id", keyword());
        ObjectNode title = text(analysis, true);
        title.withObjectProperty("fields").set("keyword", keyword().put("ignore_above", 512));
        p.set("title", title);
        p.set("description", text(analysis, true));
        p.set("keywords", text(analysis, true));
        p.set("authors", text(analysis, false));
        // the sources' labels and the canonical names; the *Facet fields hold the names a hit shows
        p.set("organisms", text(analysis, false));
        p.set("organismFacet", keyword());
        p.set("organismTaxonIds", keyword());
        p.set("imagingMethods", text(analysis, false));
        p.set("imagingMethodFacet", keyword());
        p.set("fbbiIds", keyword());
        p.set("cellLines", text(analysis, false));
        // sample preparation, visualization methods and imaged parameters: searchable, not shown
        p.set("annotations", text(analysis, false));
        // a label far longer than any name (a description in the wrong column) is left out of these fields
        // rather than failing the whole document; it stays in the text fields
        for (String stem : TermFields.ALL) {
            p.set(TermFields.terms(stem), keyword().put("ignore_above", TERM_MAX));
            p.set(TermFields.ids(stem), keyword());
            p.set(TermFields.names(stem), keyword().put("normalizer", LOWERCASE_NORMALIZER)
                    .put("ignore_above", TERM_MAX));
            if (TermFields.HIERARCHICAL.contains(stem)) {
                p.set(TermFields.lineageTerms(stem), keyword().put("ignore_above", TERM_MAX));
            }
        }
        p.set("sources", keyword());
        p.set("studyTypes", keyword());
        p.set("sampleTypes", keyword());
        p.set("license", keyword());
        p.set("released", JSON.objectNode().put("type", "date").put("format", "strict_date"));
        p.set("releaseYear", type("integer"));
        p.set("formats", keyword());
        p.set("identifiers", keyword().put("normalizer", LOWERCASE_NORMALIZER));
        p.set("reuseCount", type("integer"));
        // metadata quality score 0..100 from catalog-service, absent until the catalog sends it
        p.set("quality", type("integer"));
        // autocomplete (completion suggester; edge_ngram and search_as_you_type are not in every distribution)
        p.set(TITLE_SUGGEST, completion());
        p.set(ORGANISM_SUGGEST, completion());
        p.set(IMAGING_METHOD_SUGGEST, completion());
        p.set("version", type("integer"));
        forgivingSearchFields(p);
        // the whole event, kept for display and for rebuilding a document; never indexed
        p.set("doc", JSON.objectNode().put("type", "object").put("enabled", false));
        return mappings;
    }

    /**
     * Fields of forgiving search (query/ForgivingTextQuery, IdentifierQuery, DidYouMean): the title and all text
     * with punctuation normalised by {@link org.bioimagecatalog.search.text.TokenNormaliser}, and the typed
     * identifier keys of {@link LookupIds}.
     */
    private static void forgivingSearchFields(ObjectNode p) {
        p.set(NORMALISED_TITLE, JSON.objectNode().put("type", "text").put("analyzer", TextAnalysis.STANDARD));
        p.set(NORMALISED_TEXT, JSON.objectNode().put("type", "text").put("analyzer", TextAnalysis.STANDARD));
        p.set(LookupIds.FIELD, keyword().put("normalizer", LOWERCASE_NORMALIZER));
    }

    /** Hash of the mapping, stored with the index version so a silent mapping drift is visible. */
    public static String hash(TextAnalysis analysis) {
        return ModelJson.contentHash(mappings(analysis));
    }

    private static ObjectNode text(TextAnalysis analysis, boolean stemmedSubfield) {
        ObjectNode field = JSON.objectNode().put("type", "text").put("analyzer", TextAnalysis.STANDARD);
        if (stemmedSubfield && analysis.hasStemmedSubfields()) {
            field.putObject("fields").set(TextAnalysis.STEMMED_SUBFIELD,
                    JSON.objectNode().put("type", "text").put("analyzer", analysis.analyzer()));
        }
        return field;
    }

    /** The {@code simple} analyser (lower-cased letters) is in every distribution. */
    private static ObjectNode completion() {
        return type("completion").put("analyzer", "simple").put("preserve_separators", true);
    }

    private static ObjectNode keyword() {
        return type("keyword");
    }

    private static ObjectNode type(String type) {
        return JSON.objectNode().put("type", type);
    }
}
