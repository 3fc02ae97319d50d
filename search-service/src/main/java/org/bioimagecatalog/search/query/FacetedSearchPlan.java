package org.bioimagecatalog.search.query;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.bioimagecatalog.model.ModelJson;

/**
 * A filtered search as the searches Elasticsearch runs fastest: one per set of filters the facets are counted under,
 * sent together in one {@code _msearch}, each with its filters in its query.
 *
 * <p>{@link SearchQueryBuilder} asks for a filtered search as one body: a query over every document the text
 * matches, the filters as a {@code post_filter}, and each facet counted inside a {@code filter} aggregation
 * (multi-select: a facet is counted under the filters of the others). Elasticsearch then walks every document
 * the text matches (a million with no text) and tests the filters on each, once per group, and none of its
 * aggregation shortcuts apply. Here the hits and the facets counted under all the filters become one search
 * whose query holds the filters; every other group becomes a search of its own ({@code size} 0) whose query holds
 * that group's filters; the facets counted under no filter a search with the text alone. Each search reads only
 * the documents it counts, its terms and range counts may come from the index structures, and the searches run
 * in parallel on the cluster's search threads. The answers are put back into the shape the single body would
 * have had ({@link #merge}), so {@link SearchResultMapper} reads both alike. The counts are the same by
 * construction: each search's query is the conjunction the filter aggregation computed.
 *
 * <p>With {@code bic.search.query.parallel-counts} (on by default) the hits are a search of their own as well, with
 * or without filters, and every facet group a {@code size: 0} search beside it: the counts of a word that matches
 * most of the index then run on one core while the hits are scored on the other. Off, a search with no filter is
 * one body ({@link #single()}), and the facets under all the filters are counted in the hits' search. Cursor pages
 * are always one body (a point in time is one search).
 */
public final class FacetedSearchPlan {
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private final ObjectNode original;
    private final List<ObjectNode> searches;
    /** Per search: the group name its aggregations go back under; null for the first and for top-level ones. */
    private final List<String> groupOf;
    /** The groups counted in the first search (under every filter), each with its facets' aggregations. */
    private final ObjectNode mainGroups;

    private FacetedSearchPlan(ObjectNode original, List<ObjectNode> searches, List<String> groupOf,
            ObjectNode mainGroups) {
        this.original = original;
        this.searches = searches;
        this.groupOf = groupOf;
        this.mainGroups = mainGroups;
    }

    /** The plan of a body {@link SearchQueryBuilder} built, with the counts in searches of their own. */
    public static FacetedSearchPlan of(ObjectNode body) {
        return of(body, true);
    }

    /**
     * The plan of a body {@link SearchQueryBuilder} built.
     *
     * @param parallelCounts whether the facet counts are searches of their own beside the hits' search, rather than
     *     counted in it ({@code bic.search.query.parallel-counts})
     */
    public static FacetedSearchPlan of(ObjectNode body, boolean parallelCounts) {
        JsonNode postFilter = body.get("post_filter");
        List<String> groupOf = new ArrayList<>();
        groupOf.add(null);
        boolean cursorPage = body.has("pit") || body.has("search_after");
        if (cursorPage || !body.has("aggs") || (postFilter == null && !parallelCounts)) {
            return new FacetedSearchPlan(body, List.of(body), groupOf, JSON.objectNode());
        }
        JsonNode query = body.get("query");
        JsonNode allFilters = postFilter == null ? JSON.objectNode().set("match_all", JSON.objectNode()) : postFilter;
        // the body's own parts, shared rather than copied (nothing here changes them); not its filter and counts
        ObjectNode main = JSON.objectNode();
        body.properties().forEach(e -> {
            if (!e.getKey().equals("post_filter") && !e.getKey().equals("aggs")) {
                main.set(e.getKey(), e.getValue());
            }
        });
        main.set("query", filtered(query, allFilters));
        ObjectNode mainAggs = main.putObject("aggs");
        ObjectNode mainGroups = JSON.objectNode();
        ObjectNode topLevel = JSON.objectNode();
        List<ObjectNode> searches = new ArrayList<>();
        searches.add(main);
        body.path("aggs").properties().forEach(e -> {
            String name = e.getKey();
            JsonNode aggregation = e.getValue();
            if (!name.startsWith(SearchQueryBuilder.FACET_GROUP)) {
                topLevel.set(name, aggregation);
            } else if (aggregation.path("filter").equals(postFilter) && !parallelCounts) {
                // counted under every filter: over the hits' own documents, in their search
                mainGroups.set(name, aggregation.path("aggs"));
                aggregation.path("aggs").properties().forEach(facet -> mainAggs.set(facet.getKey(), facet.getValue()));
            } else {
                searches.add(countsOnly(filtered(query, aggregation.path("filter")), aggregation.path("aggs")));
                groupOf.add(name);
            }
        });
        if (!topLevel.isEmpty()) {
            searches.add(countsOnly(query, topLevel));
            groupOf.add(null);
        }
        if (mainAggs.isEmpty()) {
            main.remove("aggs");
        }
        return new FacetedSearchPlan(body, searches, groupOf, mainGroups);
    }

    /** Whether the search is one body, sent as it is to {@code _search}. */
    public boolean single() {
        return searches.size() == 1;
    }

    /** The body as built (what {@link #single()} sends). */
    public ObjectNode body() {
        return original;
    }

    public List<ObjectNode> searches() {
        return searches;
    }

    /** The {@code _msearch} body: a header naming the index, then the search, per search. */
    public String msearch(String index) {
        StringBuilder ndjson = new StringBuilder();
        String header = JSON.objectNode().put("index", index).toString();
        for (ObjectNode search : searches) {
            ndjson.append(header).append('\n').append(write(search)).append('\n');
        }
        return ndjson.toString();
    }

    /**
     * One answer in the shape of the single body's: the hits, total and suggestions of the first search, each group's
     * facets under the group's name, the top-level facets at the top.
     */
    public EsSearchAnswer merge(List<EsSearchAnswer> answers) {
        if (answers.size() != searches.size()) {
            throw new IllegalArgumentException(answers.size() + " answers to " + searches.size() + " searches");
        }
        EsSearchAnswer main = answers.get(0);
        Map<String, JsonNode> aggregations = new LinkedHashMap<>();
        Map<String, JsonNode> mainCounts = main.aggregations() == null ? Map.of() : main.aggregations();
        mainGroups.properties().forEach(group -> {
            ObjectNode counts = JSON.objectNode();
            group.getValue().properties().forEach(facet -> {
                JsonNode count = mainCounts.get(facet.getKey());
                if (count != null) {
                    counts.set(facet.getKey(), count);
                }
            });
            aggregations.put(group.getKey(), counts);
        });
        for (int i = 1; i < answers.size(); i++) {
            Map<String, JsonNode> counts = answers.get(i).aggregations() == null ? Map.of() : answers.get(i).aggregations();
            String group = groupOf.get(i);
            if (group == null) {
                aggregations.putAll(counts);
            } else {
                ObjectNode grouped = JSON.objectNode();
                counts.forEach(grouped::set);
                aggregations.put(group, grouped);
            }
        }
        return new EsSearchAnswer(main.hits(), aggregations, main.pitId(), main.suggest());
    }

    private static ObjectNode countsOnly(JsonNode query, JsonNode aggs) {
        ObjectNode search = JSON.objectNode();
        search.put("size", 0);
        search.put("track_total_hits", false);
        search.set("query", query);
        search.set("aggs", aggs);
        return search;
    }

    /** The query with the filters added; scoring is the query's alone. */
    private static JsonNode filtered(JsonNode query, JsonNode filter) {
        if (filter == null || filter.has("match_all")) {
            return query;
        }
        ObjectNode bool = JSON.objectNode();
        ObjectNode inner = bool.putObject("bool");
        inner.putArray("must").add(query);
        inner.putArray("filter").add(filter);
        return bool;
    }

    private static String write(JsonNode node) {
        try {
            return ModelJson.mapper().writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write a search body", e);
        }
    }
}
