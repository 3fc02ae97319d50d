package org.bioimagecatalog.search.query;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.bioimagecatalog.model.ModelJson;
import org.bioimagecatalog.search.SearchConfig;
import org.bioimagecatalog.search.index.SearchEngineUnavailableException;
import org.bioimagecatalog.search.index.TermFields;

/** Maps an Elasticsearch search answer to the API's {@link SearchResult}. */
@ApplicationScoped
public class SearchResultMapper {
    private final int descriptionChars;
    private final int facetSize;

    @Inject
    public SearchResultMapper(SearchConfig config) {
        this(config.query().descriptionChars(), config.query().facetSize());
    }

    SearchResultMapper(int descriptionChars) {
        this(descriptionChars, 30);
    }

    SearchResultMapper(int descriptionChars, int facetSize) {
        this.descriptionChars = descriptionChars;
        this.facetSize = facetSize;
    }

    /** An answer that was read as a tree (e.g. more_like_this): bound to the same shape first. */
    public SearchResult map(JsonNode answer, SearchRequest request) {
        try {
            return map(ModelJson.mapper().treeToValue(answer, EsSearchAnswer.class), request);
        } catch (JsonProcessingException | IllegalArgumentException e) {
            throw new SearchEngineUnavailableException("unreadable search answer from Elasticsearch", e);
        }
    }

    public SearchResult map(EsSearchAnswer answer, SearchRequest request) {
        List<EsSearchAnswer.Hit> hits = answer.hits() == null ? List.of() : answer.hits().hits();
        List<SearchHit> items = new ArrayList<>(hits.size());
        for (EsSearchAnswer.Hit hit : hits) {
            items.add(hit(hit));
        }
        Map<String, JsonNode> counts = facetCounts(answer.aggregations());
        Map<String, List<FacetValue>> facets = new LinkedHashMap<>();
        for (Facet facet : Facet.values()) {
            if (!facet.byTerm()) {
                facets.put(facet.param(), buckets(counts.get(facet.param()), false));
                continue;
            }
            facets.put(facet.param(), termBuckets(counts.get(facet.param()), false));
            if (facet.hierarchical()) {
                // a filters aggregation, keyed by each parent's id|name
                facets.put(facet.parentsParam(), termBuckets(counts.get(facet.parentsParam()), true));
            }
        }
        facets.put(SearchQueryBuilder.RELEASE_YEAR, years(counts.get(SearchQueryBuilder.RELEASE_YEAR)));
        facets.put(SearchQueryBuilder.HAS_REUSE, buckets(counts.get(SearchQueryBuilder.HAS_REUSE), true));
        facets.put(SearchQueryBuilder.QUALITY, buckets(counts.get(SearchQueryBuilder.QUALITY), true));
        long total = answer.hits() == null || answer.hits().total() == null ? 0 : answer.hits().total().value();
        return new SearchResult(total, request.page(), request.size(), items, facets,
                nextCursor(hits, answer.pitId(), request, total), null, DidYouMean.read(answer.suggest()));
    }

    /** A cursor when more hits follow this page: the sort values of its last hit, and the PIT if open. */
    private static String nextCursor(List<EsSearchAnswer.Hit> hits, String pit, SearchRequest request, long total) {
        if (hits.isEmpty() || (long) request.page() * request.size() >= total) {
            return null;
        }
        JsonNode lastSort = hits.get(hits.size() - 1).sort();
        return SearchCursor.next(request, lastSort == null ? MissingNode.getInstance() : lastSort, pit).encode();
    }

    /** Each facet's counting aggregation, by name: top-level, or inside a group of facets sharing a filter. */
    private static Map<String, JsonNode> facetCounts(Map<String, JsonNode> aggregations) {
        Map<String, JsonNode> counts = new LinkedHashMap<>();
        if (aggregations == null) {
            return counts;
        }
        aggregations.forEach((name, aggregation) -> {
            if (name.startsWith(SearchQueryBuilder.FACET_GROUP)) {
                // its doc_count aside, every property of a group is a facet's count
                aggregation.properties().stream().filter(e -> e.getValue().isObject())
                        .forEach(e -> counts.put(e.getKey(), e.getValue()));
            } else {
                counts.put(name, aggregation);
            }
        });
        return counts;
    }

    /** Terms buckets (an array), or named buckets (filters/range, keyed), skipping empty named ones. */
    private static List<FacetValue> buckets(JsonNode aggregation, boolean keyed) {
        List<FacetValue> values = new ArrayList<>();
        JsonNode buckets = aggregation == null ? null : aggregation.get("buckets");
        if (buckets == null) {
            return values;
        }
        if (keyed) {
            buckets.properties().forEach(e -> {
                long count = e.getValue().path("doc_count").asLong();
                if (count > 0) {
                    values.add(new FacetValue(e.getKey(), count));
                }
            });
        } else {
            for (JsonNode bucket : buckets) {
                values.add(new FacetValue(bucket.path("key").asText(), bucket.path("doc_count").asLong()));
            }
        }
        return values;
    }

    /** The newest years with datasets (a date histogram by year, newest first), as many as a facet shows. */
    private List<FacetValue> years(JsonNode aggregation) {
        List<FacetValue> values = new ArrayList<>();
        JsonNode buckets = aggregation == null ? null : aggregation.get("buckets");
        if (buckets == null) {
            return values;
        }
        for (JsonNode bucket : buckets) {
            if (values.size() == facetSize) {
                break;
            }
            JsonNode year = bucket.has("key_as_string") ? bucket.get("key_as_string") : bucket.path("key");
            values.add(new FacetValue(year.asText(), bucket.path("doc_count").asLong()));
        }
        return values;
    }

    /**
     * Buckets of {@code id|name} keywords (a terms aggregation's array, or the keyed buckets of the parents' filters
     * aggregation, empty ones left out), one per id: documents indexed before a name was known (or under an
     * older name) carry another keyword for the same id, so their counts are added up (a document holds an id
     * once) under the name of the largest. Most datasets first, then by name.
     */
    private static List<FacetValue> termBuckets(JsonNode aggregation, boolean keyed) {
        Map<String, FacetValue> byId = new LinkedHashMap<>();
        for (FacetValue bucket : buckets(aggregation, keyed)) {
            String id = TermFields.id(bucket.value());
            FacetValue decoded = new FacetValue(id, TermFields.name(bucket.value()), bucket.count());
            byId.merge(id, decoded, (a, b) -> new FacetValue(id, a.name(), a.count() + b.count()));
        }
        List<FacetValue> values = new ArrayList<>(byId.values());
        values.sort(Comparator.comparingLong(FacetValue::count).reversed()
                .thenComparing(FacetValue::name, String.CASE_INSENSITIVE_ORDER));
        return values;
    }

    private SearchHit hit(EsSearchAnswer.Hit hit) {
        EsSearchAnswer.Source source = hit.source() == null ? EMPTY_SOURCE : hit.source();
        Map<String, List<String>> highlights = new LinkedHashMap<>();
        if (hit.highlight() != null) {
            hit.highlight().forEach((field, fragments) -> highlights.put(field, strings(fragments)));
        }
        JsonNode quality = source.quality();
        return new SearchHit(
                source.id() != null ? source.id() : hit.id(),
                source.title(),
                abbreviate(source.description()),
                strings(source.sources()),
                strings(source.organismFacet()),
                strings(source.imagingMethodFacet()),
                source.license(),
                source.released() == null ? null : LocalDate.parse(source.released()),
                source.reuseCount() == null ? 0 : source.reuseCount(),
                strings(source.formats()),
                strings(source.studyTypes()),
                quality != null && quality.isNumber() ? quality.asInt() : null,
                highlights,
                HitLocation.of(source.doc()));
    }

    private static final EsSearchAnswer.Source EMPTY_SOURCE = new EsSearchAnswer.Source(null, null, null, null, null,
            null, null, null, null, null, null, null, null);

    /** The start of a description, cut at a word boundary, with an ellipsis when something was cut. */
    String abbreviate(String text) {
        if (text == null || text.length() <= descriptionChars) {
            return text;
        }
        int cut = text.lastIndexOf(' ', descriptionChars);
        if (cut < descriptionChars / 2) {
            cut = descriptionChars;
        }
        return text.substring(0, cut).stripTrailing() + "…";
    }

    private static List<String> strings(List<String> values) {
        return values == null ? new ArrayList<>() : values;
    }
}
