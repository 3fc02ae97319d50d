package org.bioimagecatalog.search.query;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.bioimagecatalog.search.SearchConfig;
import org.bioimagecatalog.search.index.TextAnalysis;
import org.bioimagecatalog.search.text.TokenNormaliser;

/**
 * Builds the Elasticsearch request for a {@link SearchRequest}. The text goes only into
 * {@code simple_query_string}, which never fails on syntax and has no field or DSL syntax, so nothing a
 * person types can reach the query DSL. Filters are applied as a {@code post_filter} and each facet is
 * counted under the filters of the <em>other</em> facets: selecting one organism still shows how many
 * datasets the other organisms would add (multi-select faceting). Relevance adds a reuse term to the text
 * score ({@code function_score}, {@code log1p}); a cursor continues with a point in time and search_after.
 */
@ApplicationScoped
public class SearchQueryBuilder {
    static final List<String> TEXT_FIELDS = List.of(
            "title^5", "keywords^3", "organisms^2", "imagingMethods^2", "cellLines^2", "annotations", "authors",
            "description", "identifiers^10");
    /** Stemmed variants score a little below exact matches of the same field. */
    static final List<String> STEMMED_FIELDS = List.of(
            "title." + TextAnalysis.STEMMED_SUBFIELD + "^4", "keywords." + TextAnalysis.STEMMED_SUBFIELD + "^2",
            "description." + TextAnalysis.STEMMED_SUBFIELD + "^0.8");
    static final List<String> SOURCE_FIELDS = List.of(
            "id", "title", "description", "sources", "organismFacet", "imagingMethodFacet", "license", "released",
            "reuseCount", "formats", "studyTypes", "quality", "doc.metadata.identifiers", "doc.metadata.landingPage",
            "doc.metadata.publications", "doc.metadata.organisms", "doc.metadata.imagingMethods");
    /** Facet names of the filters that are not term facets. */
    static final String RELEASE_YEAR = "releaseYear";
    static final String HAS_REUSE = "hasReuse";
    static final String QUALITY = "quality";
    /** Name prefix of a filter aggregation holding the facets counted under one set of filters. */
    static final String FACET_GROUP = "facetsFiltered";
    /** Excludes no filter: no facet has this name. */
    private static final String ALL_FILTERS = "";
    /**
     * Quality buckets, cumulative like the filter: bucket {@code 50} counts the datasets scoring 50 or more,
     * i.e. what {@code minQuality=50} would give.
     */
    static final List<Integer> QUALITY_BUCKETS = List.of(80, 50, 0);
    /** simple_query_string features offered: quotes, -, |, +, prefix*, parentheses; no fuzzy or slop. */
    private static final String FLAGS = "AND|OR|NOT|PHRASE|PREFIX|PRECEDENCE|WHITESPACE|ESCAPE";
    private static final int CONCEPT_ID_BOOST = 2;

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private final int facetSize;
    private final boolean parallelCounts;
    private final double reuseBoostFactor;
    private final String pitKeepAlive;
    /** Per hierarchical facet, the count of its configured parents (built once, copied into each request). */
    private final Map<Facet, ObjectNode> parentCounts = new java.util.EnumMap<>(Facet.class);

    @Inject
    public SearchQueryBuilder(SearchConfig config) {
        this(config.query().facetSize(), config.query().reuseBoostFactor(), config.query().pitKeepAlive(),
                FacetHierarchy.of(config.facets()), config.query().parallelCounts());
    }

    SearchQueryBuilder(int facetSize) {
        this(facetSize, 1.0, "2m");
    }

    SearchQueryBuilder(int facetSize, double reuseBoostFactor, String pitKeepAlive) {
        this(facetSize, reuseBoostFactor, pitKeepAlive, FacetHierarchy.NONE);
    }

    SearchQueryBuilder(int facetSize, double reuseBoostFactor, String pitKeepAlive, FacetHierarchy hierarchy) {
        this(facetSize, reuseBoostFactor, pitKeepAlive, hierarchy, true);
    }

    SearchQueryBuilder(int facetSize, double reuseBoostFactor, String pitKeepAlive, FacetHierarchy hierarchy,
            boolean parallelCounts) {
        this.facetSize = facetSize;
        this.parallelCounts = parallelCounts;
        this.reuseBoostFactor = reuseBoostFactor;
        this.pitKeepAlive = pitKeepAlive;
        for (Facet facet : Facet.values()) {
            if (facet.hierarchical() && !hierarchy.parentsOf(facet).isEmpty()) {
                parentCounts.put(facet, parentFilters(facet, hierarchy.parentsOf(facet)));
            }
        }
    }

    public String pitKeepAlive() {
        return pitKeepAlive;
    }

    /** How a body this builder built is sent: one search, or an {@code _msearch} ({@link FacetedSearchPlan}). */
    public FacetedSearchPlan plan(ObjectNode body) {
        return FacetedSearchPlan.of(body, parallelCounts);
    }

    public ObjectNode build(SearchRequest request, TextAnalysis analysis) {
        return build(request, analysis, request.hasText() ? textQuery(request.q(), analysis) : null);
    }

    /** The search of {@code request} with another text query ({@link QueryRelaxation}); null matches all. */
    ObjectNode build(SearchRequest request, TextAnalysis analysis, JsonNode textQuery) {
        ObjectNode body = JSON.objectNode();
        if (request.continues()) {
            // a point in time fixes the result set; search_after continues after the last hit shown
            JsonNode after = request.continuation().searchAfter();
            if (request.continuation().pitId() != null) {
                body.putObject("pit").put("id", request.continuation().pitId()).put("keep_alive", pitKeepAlive);
            } else if (after.size() > sort(request.sort()).size()) {
                // no point in time (PitPool full): drop the implicit _shard_doc tiebreaker a PIT page added
                ArrayNode trimmed = JSON.arrayNode();
                for (int i = 0; i < sort(request.sort()).size(); i++) {
                    trimmed.add(after.get(i));
                }
                after = trimmed;
            }
            body.set("search_after", after);
        } else {
            body.put("from", request.from());
        }
        body.put("size", request.size());
        body.put("track_total_hits", true);
        SOURCE_FIELDS.forEach(body.putArray("_source")::add);
        JsonNode query = textQuery != null ? textQuery : matchAll();
        body.set("query", request.sort() == SortOrder.RELEVANCE ? blendWithReuse(query) : query);
        Map<String, JsonNode> clauses = filterClauses(request);
        if (!clauses.isEmpty()) {
            body.set("post_filter", allFiltersExcept(clauses, null));
        }
        body.set("aggs", aggregations(clauses));
        if (request.hasText()) {
            body.set("highlight", highlight());
            DidYouMean.request(request.q()).ifPresent(suggest -> body.set("suggest", suggest));
        }
        body.set("sort", sort(request.sort()));
        return body;
    }

    /**
     * Every facet, each counted under the filters of the others. Facets counted under the same filters share one
     * filter aggregation (named {@link #FACET_GROUP} + n), so Elasticsearch walks those documents once rather than
     * once per facet; facets counted under no filter are top-level and counted in the query's own pass. A faceted
     * search at 1M documents went from 119 to 52 ms p50 (docs/performance.md, run 7).
     */
    private ObjectNode aggregations(Map<String, JsonNode> clauses) {
        ObjectNode aggs = JSON.objectNode();
        // a facet with a filter of its own is counted without it, in a group of its own; the others share the
        // group of all filters
        Map<String, ObjectNode> groups = new LinkedHashMap<>();
        facetCounts().forEach((name, count) -> {
            String filter = ownFilter(name);
            boolean ownFilter = clauses.containsKey(filter);
            if (clauses.size() == (ownFilter ? 1 : 0)) {
                // counted under no filter at all
                aggs.set(name, count);
                return;
            }
            groups.computeIfAbsent(ownFilter ? filter : ALL_FILTERS, e -> {
                ObjectNode group = aggs.putObject(FACET_GROUP + (groups.size() + 1));
                group.set("filter", allFiltersExcept(clauses, e));
                return group.putObject("aggs");
            }).set(name, count);
        });
        return aggs;
    }

    /** The filter a count leaves out: a facet's parents are counted like the facet. */
    private static String ownFilter(String count) {
        return count.endsWith(Facet.PARENTS_SUFFIX)
                ? count.substring(0, count.length() - Facet.PARENTS_SUFFIX.length()) : count;
    }

    /**
     * The counting aggregation of each facet, by facet name. A term facet counts {@code id|name} keywords, so
     * each bucket arrives with its name; a hierarchical facet's configured parents are one more terms
     * aggregation over the ancestors, beside it in the same group (no filter aggregation of its own).
     */
    private Map<String, ObjectNode> facetCounts() {
        Map<String, ObjectNode> counts = new LinkedHashMap<>();
        for (Facet facet : Facet.values()) {
            counts.put(facet.param(), terms(facet.countedField()));
            ObjectNode parents = parentCounts.get(facet);
            if (parents != null) {
                counts.put(facet.parentsParam(), parents.deepCopy());
            }
        }
        // a date histogram rather than terms on releaseYear: over a whole index (no text, no filter) Elasticsearch
        // counts it from the points, without reading every document's value
        ObjectNode years = JSON.objectNode();
        years.putObject("date_histogram").put("field", "released").put("calendar_interval", "year")
                .put("format", "yyyy").put("min_doc_count", 1).putObject("order").put("_key", "desc");
        counts.put(RELEASE_YEAR, years);
        // one range aggregation rather than two filters; every document has a reuseCount (0 by default), and without
        // a "missing" value Elasticsearch may count the ranges from the points
        ObjectNode reuse = JSON.objectNode();
        ArrayNode reuseRanges = reuse.putObject("range").put("field", "reuseCount").put("keyed", true)
                .putArray("ranges");
        reuseRanges.addObject().put("key", "false").put("to", 1);
        reuseRanges.addObject().put("key", "true").put("from", 1);
        counts.put(HAS_REUSE, reuse);
        ObjectNode quality = JSON.objectNode();
        ArrayNode ranges = quality.putObject("range").put("field", QUALITY).put("keyed", true).putArray("ranges");
        QUALITY_BUCKETS.forEach(b -> ranges.addObject().put("key", String.valueOf(b)).put("from", b));
        counts.put(QUALITY, quality);
        return counts;
    }

    private ObjectNode terms(String field) {
        ObjectNode terms = JSON.objectNode();
        terms.putObject("terms").put("field", field).put("size", facetSize);
        return terms;
    }

    /**
     * The datasets under each configured parent, keyed by the parent's {@code id|name}: a filters aggregation of
     * one term query per parent on the ids field (which holds every ancestor's id). Counting the {@code id|name}
     * lineage keywords with an {@code include} pattern instead read every ancestor of every matching document:
     * at 1M documents that made a word search with all facets 1.5 times slower (docs/performance.md).
     */
    static ObjectNode parentFilters(Facet facet, List<String> ids) {
        ObjectNode count = JSON.objectNode();
        ObjectNode filters = count.putObject("filters").putObject("filters");
        for (String id : ids) {
            filters.putObject(facet.parentTerm(id)).putObject("term").put(facet.idsField(), id);
        }
        return count;
    }

    /** Text score plus log10(1 + reuseCount × factor): reuse lifts a match, it never makes a non-match. */
    private JsonNode blendWithReuse(JsonNode query) {
        ObjectNode wrapper = JSON.objectNode();
        ObjectNode fs = wrapper.putObject("function_score");
        fs.set("query", query);
        fs.putArray("functions").addObject().putObject("field_value_factor")
                .put("field", "reuseCount").put("modifier", "log1p").put("factor", reuseBoostFactor).put("missing", 0);
        fs.put("boost_mode", "sum");
        fs.put("score_mode", "sum");
        return wrapper;
    }

    /** One clause per filtered dimension, keyed by its facet name, so a facet can leave its own out. */
    static Map<String, JsonNode> filterClauses(SearchRequest request) {
        Map<String, JsonNode> clauses = new LinkedHashMap<>();
        request.filters().forEach((facet, values) -> clauses.put(facet.param(), anyOf(facet, values)));
        RangeFilters r = request.ranges();
        if (r.hasYearRange()) {
            ObjectNode range = JSON.objectNode();
            ObjectNode bounds = range.putObject("range").putObject(RELEASE_YEAR);
            if (r.releasedFrom() != null) {
                bounds.put("gte", r.releasedFrom());
            }
            if (r.releasedTo() != null) {
                bounds.put("lte", r.releasedTo());
            }
            clauses.put(RELEASE_YEAR, range);
        }
        if (r.hasReuse() != null) {
            clauses.put(HAS_REUSE, hasReuse(r.hasReuse()));
        }
        if (r.minQuality() != null) {
            ObjectNode range = JSON.objectNode();
            range.putObject("range").putObject(QUALITY).put("gte", r.minQuality());
            clauses.put(QUALITY, range);
        }
        return clauses;
    }

    private static JsonNode hasReuse(boolean reused) {
        ObjectNode range = JSON.objectNode();
        range.putObject("range").putObject("reuseCount").put("gte", 1);
        if (reused) {
            return range;
        }
        ObjectNode not = JSON.objectNode();
        not.putObject("bool").putArray("must_not").add(range);
        return not;
    }

    JsonNode textQuery(String q, TextAnalysis analysis) {
        // an identifier typed alone goes straight to its datasets; a bare number is also looked up as text
        Optional<IdentifierQuery> identifier = IdentifierQuery.recognise(q);
        if (identifier.isPresent() && identifier.get().definite()) {
            return identifier.get().lookup();
        }
        JsonNode text = wordsQuery(q, analysis);
        if (identifier.isEmpty()) {
            return text;
        }
        ObjectNode either = JSON.objectNode();
        either.putObject("bool").put("minimum_should_match", 1).putArray("should")
                .add(identifier.get().lookup()).add(text);
        return either;
    }

    private JsonNode wordsQuery(String q, TextAnalysis analysis) {
        UserQueryText text = UserQueryText.of(q);
        VocabularyExpansion expansion = VocabularyExpansion.of(text);
        if (expansion.isEmpty()) {
            return forgiving(text.text(), analysis);
        }
        // every recognised concept must match, by ontology id or by its words; the other words as usual
        ArrayNode must = JSON.arrayNode();
        for (VocabularyExpansion.Concept concept : expansion.concepts()) {
            ObjectNode either = JSON.objectNode();
            ArrayNode should = either.putObject("bool").put("minimum_should_match", 1).putArray("should");
            should.addObject().putObject("term").putObject(concept.field())
                    .put("value", concept.id()).put("boost", CONCEPT_ID_BOOST);
            should.add(simpleQuery(concept.phrase(), analysis));
            must.add(either);
        }
        if (!expansion.rest().isBlank()) {
            must.add(forgiving(expansion.rest(), analysis));
        }
        ObjectNode bool = JSON.objectNode();
        bool.putObject("bool").set("must", must);
        return bool;
    }

    /** Plain words forgive typos, a word typed so far and punctuation; text with operators is taken as written. */
    private static JsonNode forgiving(String text, TextAnalysis analysis) {
        ObjectNode exact = simpleQuery(text, analysis);
        return ForgivingTextQuery.applies(text) ? ForgivingTextQuery.of(exact, TokenNormaliser.words(text)) : exact;
    }

    private static ObjectNode simpleQuery(String text, TextAnalysis analysis) {
        ObjectNode query = JSON.objectNode();
        ObjectNode sqs = query.putObject("simple_query_string");
        sqs.put("query", text);
        ArrayNode fields = sqs.putArray("fields");
        TEXT_FIELDS.forEach(fields::add);
        if (analysis.hasStemmedSubfields()) {
            STEMMED_FIELDS.forEach(fields::add);
        }
        sqs.put("default_operator", "and");
        sqs.put("flags", FLAGS);
        sqs.put("lenient", true);
        return query;
    }

    /** A bool filter of every clause but the one of {@code excluded} (match_all when none is left). */
    private static JsonNode allFiltersExcept(Map<String, JsonNode> clauses, String excluded) {
        List<JsonNode> kept = new ArrayList<>();
        clauses.forEach((name, clause) -> {
            if (!name.equals(excluded)) {
                kept.add(clause);
            }
        });
        if (kept.isEmpty()) {
            return matchAll();
        }
        ObjectNode bool = JSON.objectNode();
        ArrayNode filter = bool.putObject("bool").putArray("filter");
        kept.forEach(filter::add);
        return bool;
    }

    /**
     * Values of one facet are OR-ed; each value may match any of the facet's fields: an id (with its descendants,
     * whose documents list it among their ancestors' ids) or a name.
     */
    private static JsonNode anyOf(Facet facet, List<String> values) {
        ObjectNode bool = JSON.objectNode();
        ArrayNode should = bool.putObject("bool").put("minimum_should_match", 1).putArray("should");
        for (String field : facet.filterFields()) {
            ArrayNode terms = should.addObject().putObject("terms").putArray(field);
            values.stream().flatMap(v -> facet.filterValues(v).stream()).distinct().forEach(terms::add);
        }
        return bool;
    }

    private static ObjectNode highlight() {
        ObjectNode highlight = JSON.objectNode();
        highlight.put("encoder", "html");
        highlight.put("require_field_match", false);
        highlight.putArray("pre_tags").add("<em>");
        highlight.putArray("post_tags").add("</em>");
        ObjectNode fields = highlight.putObject("fields");
        fields.putObject("title").put("number_of_fragments", 0);
        fields.putObject("description").put("fragment_size", 150).put("number_of_fragments", 2);
        return highlight;
    }

    private static ArrayNode sort(SortOrder order) {
        ArrayNode sort = JSON.arrayNode();
        if (order == SortOrder.RELEVANCE) {
            sort.add("_score");
        } else if (order == SortOrder.MOST_REUSED) {
            sort.addObject().putObject("reuseCount").put("order", "desc").put("missing", "_last");
        }
        sort.addObject().putObject("released").put("order", "desc").put("missing", "_last");
        sort.addObject().put("id", "asc");
        return sort;
    }

    private static ObjectNode matchAll() {
        ObjectNode query = JSON.objectNode();
        query.putObject("match_all");
        return query;
    }
}
