package org.bioimagecatalog.portal.page;

import io.quarkus.qute.TemplateData;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.bioimagecatalog.portal.json.Json;

/**
 * The API's facets as the page shows them: each value with its count, whether it is selected and the link that
 * toggles it. A bucket is {@code {value, name, count}}: in a term facet the value is an ontology id (what the filter
 * takes) and the name its canonical name (what the page shows). A hierarchical facet comes with a second one,
 * {@code organismParents}, {@code imagingMethodParents}, counting broader terms (Mammalia, electron microscopy) with
 * their descendants rolled up; the page shows those as the facet's broader groups, filtering with the facet's own
 * parameter, which selects the group's descendants. Nested {@code children} render as nested lists.
 */
@TemplateData
public final class SearchFacets {
    private static final String PARENTS = "Parents";
    private static final Map<String, String> TITLES = Map.ofEntries(Map.entry("source", "Archive"),
            Map.entry("organism", "Organism"), Map.entry("imagingMethod", "Imaging method"),
            Map.entry("cellLine", "Cell line"), Map.entry("samplePreparation", "Sample preparation"),
            Map.entry("license", "Licence"), Map.entry("format", "File format"), Map.entry("studyType", "Study type"),
            Map.entry("releaseYear", "Release year"), Map.entry("hasReuse", "Reused"),
            Map.entry("quality", "Metadata quality (at least)"));
    /** A filter's parameter title where it differs from its facet's. */
    private static final Map<String, String> FILTER_TITLES = Map.of("minQuality", "Metadata quality (at least)",
            "released", "Released");
    private static final List<String> ORDER = List.of("source", "organism", "imagingMethod", "cellLine",
            "samplePreparation", "license", "format", "studyType", "releaseYear", "hasReuse", "quality");

    private SearchFacets() {}

    /** One facet; {@code broader} holds the groups of a hierarchical facet (empty elsewhere). */
    @TemplateData
    public record Facet(String name, String title, List<Value> broader, List<Value> values) {}

    @TemplateData
    public record Value(String value, String label, long count, boolean selected, String toggle, List<Value> children) {}

    /** A filter in force as the page names it: the facet's title, the value's name, the link that removes it. */
    @TemplateData
    public record Chip(String title, String label, String removeQuery) {}

    static List<Facet> of(JsonNode facets, SearchQuery query) {
        List<Facet> out = new ArrayList<>();
        if (facets == null || !facets.isObject()) {
            return out;
        }
        List<String> names = new ArrayList<>(ORDER);
        facets.fieldNames().forEachRemaining(n -> {
            if (!names.contains(n) && !isParents(n, facets)) {
                names.add(n);
            }
        });
        for (String name : names) {
            List<Value> list = values(name, facets.path(name), query);
            List<Value> broader = values(name, facets.path(name + PARENTS), query);
            if (!list.isEmpty() || !broader.isEmpty()) {
                out.add(new Facet(name, TITLES.getOrDefault(name, name), broader, list));
            }
        }
        return out;
    }

    /** A parents facet of a facet the answer also has: shown inside that one. */
    private static boolean isParents(String name, JsonNode facets) {
        return name.endsWith(PARENTS) && name.length() > PARENTS.length()
                && facets.has(name.substring(0, name.length() - PARENTS.length()));
    }

    private static List<Value> values(String facet, JsonNode values, SearchQuery query) {
        List<Value> out = new ArrayList<>();
        // a facet may be a list of values or an object holding them ("values"/"items")
        JsonNode list = values.isArray() ? values : values.has("values") ? values.path("values") : values.path("items");
        for (JsonNode v : Json.list(list)) {
            String value = Json.firstText(v, "value", "id", "key");
            if (value.isEmpty()) {
                continue;
            }
            String label = Json.firstText(v, "name", "label", "value", "id");
            if ("hasReuse".equals(facet)) {
                label = "true".equals(value) ? "with reuse" : "false".equals(value) ? "without reuse" : label;
            }
            long count = v.path("count").asLong(0);
            out.add(new Value(value, label, count, query.selected(facet, value), query.toggle(facet, value),
                    values(facet, v.path("children"), query)));
        }
        return out;
    }

    /**
     * The filters in force, each named as the facets name it: an ontology id in the address ({@code organism=9606})
     * shows as its canonical name (Homo sapiens) when the answer's buckets carry it, else as given.
     */
    static List<Chip> chips(SearchQuery query, List<Facet> facets) {
        Map<String, String> names = new HashMap<>();
        for (Facet f : facets) {
            collect(f.name(), f.broader(), names);
            collect(f.name(), f.values(), names);
        }
        List<Chip> chips = new ArrayList<>();
        for (SearchQuery.Filter filter : query.filters()) {
            String facet = filter.name().equals("minQuality") ? "quality" : filter.name();
            String title = FILTER_TITLES.getOrDefault(filter.name(), TITLES.getOrDefault(facet, facet));
            chips.add(new Chip(title, names.getOrDefault(facet + '\u0000' + filter.value(), filter.value()),
                    filter.removeQuery()));
        }
        return chips;
    }

    private static void collect(String facet, List<Value> values, Map<String, String> names) {
        for (Value v : values) {
            names.putIfAbsent(facet + '\u0000' + v.value(), v.label());
            collect(facet, v.children(), names);
        }
    }

    /** "Showing results for …" when the API relaxed the query; empty when it did not or says nothing. */
    static String relaxation(JsonNode result) {
        for (String field : List.of("relaxation", "relaxed", "notice")) {
            JsonNode n = result.path(field);
            if (n.isTextual() && !n.asText().isBlank()) {
                return n.asText();
            }
            if (n.isObject()) {
                String message = Json.firstText(n, "message", "detail", "text");
                if (!message.isEmpty()) {
                    return message;
                }
                List<String> dropped = new ArrayList<>();
                for (String list : List.of("droppedTerms", "dropped", "relaxedTerms", "terms")) {
                    Json.list(n, list).forEach(t -> dropped.add(t.asText()));
                }
                if (!dropped.isEmpty()) {
                    return "No dataset matches every word; showing results without: " + String.join(", ", dropped);
                }
            }
            if (n.isArray() && !n.isEmpty()) {
                List<String> terms = new ArrayList<>();
                n.forEach(t -> terms.add(t.asText()));
                return "No dataset matches every word; showing results without: " + String.join(", ", terms);
            }
        }
        return "";
    }

    /** The "did you mean" suggestions, whichever of the likely shapes the API uses (a string, strings, objects). */
    static List<String> didYouMean(JsonNode result) {
        List<String> out = new ArrayList<>();
        for (String field : List.of("didYouMean", "suggestions", "spelling")) {
            JsonNode n = result.path(field);
            if (n.isTextual() && !n.asText().isBlank()) {
                out.add(n.asText());
            }
            for (JsonNode s : Json.list(n)) {
                String text = s.isTextual() ? s.asText() : Json.firstText(s, "text", "query", "suggestion", "value");
                if (!text.isBlank() && !out.contains(text)) {
                    out.add(text);
                }
            }
        }
        return out;
    }
}
