package org.bioimagecatalog.search.query;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.bioimagecatalog.search.SearchConfig;
import org.bioimagecatalog.search.index.TextAnalysis;

/**
 * Builds the Elasticsearch request for a {@link SearchRequest}. The text goes only into
 * {@code simple_query_string}, which never fails on syntax and has no field or DSL syntax, so nothing a
 * person types can reach the query DSL. Filters are applied as a {@code post_filter} and each facet is
 * counted under the filters of the <em>other</em> facets: selecting one organism still shows how many
 * datasets the other organisms would add (multi-select faceting).
 */
@ApplicationScoped
public class SearchQueryBuilder {
    static final List<String> TEXT_FIELDS = List.of(
            "title^5", "keywords^3", "organisms^2", "imagingMethods^2", "authors", "description",
            "identifiers^10");
    /** Stemmed variants score a little below exact matches of the same field. */
    static final List<String> STEMMED_FIELDS = List.of(
            "title." + TextAnalysis.STEMMED_SUBFIELD + "^4", "keywords." + TextAnalysis.STEMMED_SUBFIELD + "^2",
            "description." + TextAnalysis.STEMMED_SUBFIELD + "^0.8");
    static final List<String> SOURCE_FIELDS = List.of(
            "id", "title", "description", "sources", "organismFacet", "imagingMethodFacet", "license", "released",
            "reuseCount");
    /** simple_query_string features offered: quotes, -, |, +, prefix*, parentheses; no fuzzy or slop. */
    private static final String FLAGS = "AND|OR|NOT|PHRASE|PREFIX|PRECEDENCE|WHITESPACE|ESCAPE";
    private static final int CONCEPT_ID_BOOST = 2;

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private final int facetSize;

    @Inject
    public SearchQueryBuilder(SearchConfig config) {
        this(config.query().facetSize());
    }

    SearchQueryBuilder(int facetSize) {
        this.facetSize = facetSize;
    }

    public ObjectNode build(SearchRequest request, TextAnalysis analysis) {
        ObjectNode body = JSON.objectNode();
        body.put("from", request.from());
        body.put("size", request.size());
        body.put("track_total_hits", true);
        SOURCE_FIELDS.forEach(body.putArray("_source")::add);
        body.set("query", request.hasText() ? textQuery(request.q(), analysis) : matchAll());
        if (!request.filters().isEmpty()) {
            body.set("post_filter", allFiltersExcept(request.filters(), null));
        }
        ObjectNode aggs = body.putObject("aggs");
        for (Facet facet : Facet.values()) {
            ObjectNode agg = aggs.putObject(facet.param());
            agg.set("filter", allFiltersExcept(request.filters(), facet));
            agg.putObject("aggs").putObject("values").putObject("terms")
                    .put("field", facet.countedField()).put("size", facetSize);
        }
        if (request.hasText()) {
            body.set("highlight", highlight());
        }
        body.set("sort", sort(request.hasText()));
        return body;
    }

    JsonNode textQuery(String q, TextAnalysis analysis) {
        UserQueryText text = UserQueryText.of(q);
        VocabularyExpansion expansion = VocabularyExpansion.of(text);
        if (expansion.isEmpty()) {
            return simpleQuery(text.text(), analysis);
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
            must.add(simpleQuery(expansion.rest(), analysis));
        }
        ObjectNode bool = JSON.objectNode();
        bool.putObject("bool").set("must", must);
        return bool;
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

    /** A bool filter of the selected values of every facet but {@code excluded} (match_all when none). */
    private static JsonNode allFiltersExcept(Map<Facet, List<String>> filters, Facet excluded) {
        List<JsonNode> clauses = new ArrayList<>();
        filters.forEach((facet, values) -> {
            if (facet != excluded) {
                clauses.add(anyOf(facet, values));
            }
        });
        if (clauses.isEmpty()) {
            return matchAll();
        }
        ObjectNode bool = JSON.objectNode();
        ArrayNode filter = bool.putObject("bool").putArray("filter");
        clauses.forEach(filter::add);
        return bool;
    }

    /** Values of one facet are OR-ed; each value may match any of the facet's fields (label or id). */
    private static JsonNode anyOf(Facet facet, List<String> values) {
        ObjectNode bool = JSON.objectNode();
        ArrayNode should = bool.putObject("bool").put("minimum_should_match", 1).putArray("should");
        for (String field : facet.filterFields()) {
            ArrayNode terms = should.addObject().putObject("terms").putArray(field);
            values.forEach(terms::add);
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

    private static ArrayNode sort(boolean byRelevance) {
        ArrayNode sort = JSON.arrayNode();
        if (byRelevance) {
            sort.add("_score");
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
