package org.bioimagecatalog.search.query;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.bioimagecatalog.model.api.Problem.FieldError;
import org.bioimagecatalog.search.SearchConfig;

/**
 * Turns raw query parameters into a {@link SearchRequest}, collecting every problem at once. Numbers are
 * parsed here rather than by JAX-RS, which would answer a non-numeric {@code page} with 404. A {@code cursor}
 * replaces every other parameter: it carries the whole search, which is validated again here.
 */
@ApplicationScoped
public class SearchRequestParser {
    private static final int MAX_FILTER_VALUES = 50;
    private static final int MAX_FILTER_LENGTH = 200;
    private static final int MAX_SORT_VALUES = 4;
    private static final int MAX_SORT_VALUE_LENGTH = 512;

    private final SearchConfig.Query limits;

    public SearchRequestParser(SearchConfig config) {
        this.limits = config.query();
    }

    public SearchRequest parse(SearchParameters params) {
        if (params.cursor() != null && !params.cursor().isBlank()) {
            return fromCursor(params.cursor());
        }
        return parse(params, false);
    }

    private SearchRequest fromCursor(String text) {
        SearchCursor cursor;
        try {
            cursor = SearchCursor.decode(text);
        } catch (IllegalArgumentException e) {
            throw InvalidSearchRequestException.of("cursor", "not a cursor from this API; start the search again");
        }
        if (!validSortValues(cursor.searchAfter())
                || (cursor.pit() != null && (cursor.pit().isBlank() || cursor.pit().length() > 4096))) {
            throw InvalidSearchRequestException.of("cursor", "not a cursor from this API; start the search again");
        }
        SearchRequest request = parse(cursor.parameters(), true);
        return request.withContinuation(new SearchRequest.Continuation(cursor.searchAfter(), cursor.pit()));
    }

    private SearchRequest parse(SearchParameters params, boolean continuing) {
        List<FieldError> errors = new ArrayList<>();
        String text = params.q() == null ? "" : params.q().strip();
        if (text.length() > limits.maxQueryLength()) {
            errors.add(new FieldError("q", "at most " + limits.maxQueryLength() + " characters"));
        }
        Integer pageNumber = integer("page", params.page(), 1, errors);
        Integer pageSize = integer("size", params.size(), limits.defaultSize(), errors);
        if (pageNumber != null && pageNumber < 1) {
            errors.add(new FieldError("page", "must be 1 or more"));
        }
        if (pageSize != null && (pageSize < 1 || pageSize > limits.maxSize())) {
            errors.add(new FieldError("size", "must be between 1 and " + limits.maxSize()));
        }
        if (errors.isEmpty() && !continuing && (long) pageNumber * pageSize > limits.maxResultWindow()) {
            errors.add(new FieldError("page", "page × size must not exceed " + limits.maxResultWindow()
                    + "; follow the cursor of the previous page instead"));
        }
        Map<Facet, List<String>> filters = filters(params.filters(), errors);
        RangeFilters ranges = ranges(params, errors);
        SortOrder sort = null;
        if (params.sort() != null && !params.sort().isBlank()) {
            sort = SortOrder.of(params.sort().strip()).orElse(null);
            if (sort == null) {
                errors.add(new FieldError("sort", "one of relevance, newest, most-reused"));
            }
        }
        if (!errors.isEmpty()) {
            throw new InvalidSearchRequestException(errors);
        }
        return new SearchRequest(text, filters, ranges, sort, pageNumber, pageSize, null);
    }

    private static RangeFilters ranges(SearchParameters params, List<FieldError> errors) {
        Integer from = integer("releasedFrom", params.releasedFrom(), null, errors);
        Integer to = integer("releasedTo", params.releasedTo(), null, errors);
        if (from != null && (from < 1000 || from > 9999)) {
            errors.add(new FieldError("releasedFrom", "a year, e.g. 2015"));
        }
        if (to != null && (to < 1000 || to > 9999)) {
            errors.add(new FieldError("releasedTo", "a year, e.g. 2024"));
        }
        if (from != null && to != null && from > to) {
            errors.add(new FieldError("releasedTo", "must not be before releasedFrom"));
        }
        Boolean hasReuse = null;
        String reuse = params.hasReuse();
        if (reuse != null && !reuse.isBlank()) {
            if ("true".equalsIgnoreCase(reuse.strip()) || "false".equalsIgnoreCase(reuse.strip())) {
                hasReuse = Boolean.valueOf(reuse.strip().toLowerCase());
            } else {
                errors.add(new FieldError("hasReuse", "true or false"));
            }
        }
        Integer minQuality = integer("minQuality", params.minQuality(), null, errors);
        if (minQuality != null && (minQuality < 0 || minQuality > 100)) {
            errors.add(new FieldError("minQuality", "between 0 and 100"));
        }
        return new RangeFilters(from, to, hasReuse, minQuality);
    }

    /** Sort values of a hit are numbers or short strings; nothing else may ride along in a cursor. */
    private static boolean validSortValues(JsonNode values) {
        if (values.size() > MAX_SORT_VALUES) {
            return false;
        }
        for (JsonNode value : values) {
            if (!(value.isNumber() || (value.isTextual() && value.asText().length() <= MAX_SORT_VALUE_LENGTH))) {
                return false;
            }
        }
        return true;
    }

    private static Integer integer(String field, String raw, Integer fallback, List<FieldError> errors) {
        if (raw == null || raw.isBlank()) {
            return fallback;
        }
        try {
            return Integer.valueOf(raw.strip());
        } catch (NumberFormatException e) {
            errors.add(new FieldError(field, "must be a whole number"));
            return null;
        }
    }

    private static Map<Facet, List<String>> filters(Map<Facet, List<String>> raw, List<FieldError> errors) {
        Map<Facet, List<String>> filters = new EnumMap<>(Facet.class);
        raw.forEach((facet, values) -> {
            List<String> clean = values == null ? List.of()
                    : values.stream().filter(v -> v != null && !v.isBlank()).map(String::strip).distinct().toList();
            if (clean.size() > MAX_FILTER_VALUES) {
                errors.add(new FieldError(facet.param(), "at most " + MAX_FILTER_VALUES + " values"));
            } else if (clean.stream().anyMatch(v -> v.length() > MAX_FILTER_LENGTH)) {
                errors.add(new FieldError(facet.param(), "a value has at most " + MAX_FILTER_LENGTH + " characters"));
            } else if (!clean.isEmpty()) {
                filters.put(facet, clean);
            }
        });
        return filters;
    }
}
