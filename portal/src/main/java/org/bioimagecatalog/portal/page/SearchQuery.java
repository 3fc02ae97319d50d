package org.bioimagecatalog.portal.page;

import io.quarkus.qute.TemplateData;
import jakarta.ws.rs.core.AbstractMultivaluedMap;
import jakarta.ws.rs.core.MultivaluedMap;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The search page's query string, which is the search API's: the page passes the API's own parameters through (so a
 * portal URL and an API URL say the same thing) and builds the links that add or remove one filter value.
 */
@TemplateData
public final class SearchQuery {
    /** The search API's parameters: what the page forwards, nothing else. */
    static final Set<String> API_PARAMETERS = Set.of("q", "source", "organism", "imagingMethod", "cellLine",
            "samplePreparation", "license", "format", "studyType", "releasedFrom", "releasedTo", "hasReuse", "minQuality",
            "sort", "size", "cursor");
    private static final Set<String> TERM_FACETS = Set.of("source", "organism", "imagingMethod", "cellLine",
            "samplePreparation", "license", "format", "studyType");

    private final MultivaluedMap<String, String> params;

    private SearchQuery(MultivaluedMap<String, String> params) {
        this.params = params;
    }

    /** From the raw query string, decoded as a browser's form encodes it ("+" is a space). */
    static SearchQuery of(String rawQuery) {
        MultivaluedMap<String, String> params = ordered();
        if (rawQuery != null) {
            for (String pair : rawQuery.split("&")) {
                int eq = pair.indexOf('=');
                String name = decode(eq < 0 ? pair : pair.substring(0, eq));
                String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
                if (API_PARAMETERS.contains(name) && !value.isBlank()) {
                    params.add(name, value);
                }
            }
        }
        return new SearchQuery(params);
    }

    private static String decode(String s) {
        try {
            return URLDecoder.decode(s, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException malformed) {
            return "";
        }
    }

    MultivaluedMap<String, String> apiParameters() {
        return params;
    }

    public String q() {
        return params.getFirst("q") == null ? "" : params.getFirst("q");
    }

    /** Whether a facet value is among the filters. */
    public boolean selected(String facet, String value) {
        return switch (facet) {
            case "releaseYear" -> value.equals(params.getFirst("releasedFrom")) && value.equals(params.getFirst("releasedTo"));
            case "hasReuse" -> value.equals(params.getFirst("hasReuse"));
            case "quality" -> value.equals(params.getFirst("minQuality"));
            default -> params.getOrDefault(facet, List.of()).contains(value);
        };
    }

    /** The query string with the value toggled (and no cursor: a new filter starts at the first page). */
    public String toggle(String facet, String value) {
        MultivaluedMap<String, String> next = copyWithout("cursor");
        boolean on = selected(facet, value);
        switch (facet) {
            case "releaseYear" -> {
                next.remove("releasedFrom");
                next.remove("releasedTo");
                if (!on) {
                    next.putSingle("releasedFrom", value);
                    next.putSingle("releasedTo", value);
                }
            }
            case "hasReuse" -> set(next, "hasReuse", on ? null : value);
            case "quality" -> set(next, "minQuality", on ? null : value);
            default -> {
                if (!TERM_FACETS.contains(facet)) {
                    return encode(params);
                }
                List<String> values = new ArrayList<>(next.getOrDefault(facet, List.of()));
                if (on) {
                    values.remove(value);
                } else {
                    values.add(value);
                }
                next.put(facet, values);
            }
        }
        return encode(next);
    }

    /** The query string of the next page. */
    public String withCursor(String cursor) {
        MultivaluedMap<String, String> next = copyWithout("cursor");
        next.putSingle("cursor", cursor);
        return encode(next);
    }

    /** The same search without paging, e.g. for the Atom feed. */
    public String withoutCursor() {
        return encode(copyWithout("cursor"));
    }

    /** The filters in force, for "remove" links: name, value and the query string without it. */
    public List<Filter> filters() {
        List<Filter> filters = new ArrayList<>();
        params.forEach((name, values) -> {
            if (TERM_FACETS.contains(name) || name.equals("hasReuse") || name.equals("minQuality")) {
                String facet = name.equals("minQuality") ? "quality" : name;
                values.forEach(v -> filters.add(new Filter(name, v, toggle(facet, v))));
            }
        });
        if (params.getFirst("releasedFrom") != null || params.getFirst("releasedTo") != null) {
            MultivaluedMap<String, String> next = copyWithout("cursor");
            next.remove("releasedFrom");
            next.remove("releasedTo");
            filters.add(new Filter("released", String.join("–", nonNull(params.getFirst("releasedFrom")),
                    nonNull(params.getFirst("releasedTo"))), encode(next)));
        }
        return filters;
    }

    @TemplateData
    public record Filter(String name, String value, String removeQuery) {}

    private MultivaluedMap<String, String> copyWithout(String name) {
        MultivaluedMap<String, String> copy = ordered();
        params.forEach((k, v) -> {
            if (!k.equals(name)) {
                copy.put(k, new ArrayList<>(v));
            }
        });
        return copy;
    }

    private static void set(MultivaluedMap<String, String> params, String name, String value) {
        params.remove(name);
        if (value != null) {
            params.putSingle(name, value);
        }
    }

    private static String nonNull(String s) {
        return s == null ? "" : s;
    }

    /** Parameters in the order given, so that the links read like the address the user typed. */
    private static MultivaluedMap<String, String> ordered() {
        return new AbstractMultivaluedMap<>(new LinkedHashMap<>()) {};
    }

    static String encode(MultivaluedMap<String, String> params) {
        StringBuilder s = new StringBuilder();
        for (Map.Entry<String, List<String>> e : params.entrySet()) {
            for (String v : e.getValue()) {
                s.append(s.isEmpty() ? "" : "&").append(URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8)).append('=')
                        .append(URLEncoder.encode(v, StandardCharsets.UTF_8));
            }
        }
        return s.toString();
    }
}
