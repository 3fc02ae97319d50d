package org.bioimagecatalog.portal.page;

import io.quarkus.qute.TemplateData;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.bioimagecatalog.portal.json.Json;

/**
 * The API's facets as the page shows them: each value with its count, whether it is selected and the link that
 * toggles it. A value may come as {@code {value, count}} or, with vocabulary ids, as {@code {id, name, count}} with
 * nested {@code children}: both render, the hierarchy as nested lists.
 */
@TemplateData
public final class SearchFacets {
    private static final Map<String, String> TITLES = Map.of("source", "Archive", "organism", "Organism",
            "imagingMethod", "Imaging method", "license", "Licence", "format", "File format", "studyType", "Study type",
            "releaseYear", "Release year", "hasReuse", "Reused", "quality", "Metadata quality (at least)");
    private static final List<String> ORDER = List.of("source", "organism", "imagingMethod", "license", "format",
            "studyType", "releaseYear", "hasReuse", "quality");

    private SearchFacets() {}

    @TemplateData
    public record Facet(String name, String title, List<Value> values) {}

    @TemplateData
    public record Value(String value, String label, long count, boolean selected, String toggle, List<Value> children) {}

    static List<Facet> of(JsonNode facets, SearchQuery query) {
        List<Facet> out = new ArrayList<>();
        if (facets == null || !facets.isObject()) {
            return out;
        }
        List<String> names = new ArrayList<>(ORDER);
        facets.fieldNames().forEachRemaining(n -> {
            if (!names.contains(n)) {
                names.add(n);
            }
        });
        for (String name : names) {
            JsonNode values = facets.path(name);
            List<Value> list = values(name, values, query);
            if (!list.isEmpty()) {
                out.add(new Facet(name, TITLES.getOrDefault(name, name), list));
            }
        }
        return out;
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
            String label = Json.firstText(v, "name", "label", "value");
            if ("hasReuse".equals(facet)) {
                label = "true".equals(value) ? "with reuse" : "false".equals(value) ? "without reuse" : label;
            }
            long count = v.path("count").asLong(0);
            out.add(new Value(value, label, count, query.selected(facet, value), query.toggle(facet, value),
                    values(facet, v.path("children"), query)));
        }
        return out;
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
