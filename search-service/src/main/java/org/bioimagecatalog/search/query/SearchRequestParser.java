package org.bioimagecatalog.search.query;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.bioimagecatalog.model.api.Problem.FieldError;
import org.bioimagecatalog.search.SearchConfig;

/**
 * Turns raw query parameters into a {@link SearchRequest}, collecting every problem at once. Numbers are
 * parsed here rather than by JAX-RS, which would answer a non-numeric {@code page} with 404.
 */
@ApplicationScoped
public class SearchRequestParser {
    private static final int MAX_FILTER_VALUES = 50;
    private static final int MAX_FILTER_LENGTH = 200;

    private final SearchConfig.Query limits;

    public SearchRequestParser(SearchConfig config) {
        this.limits = config.query();
    }

    public SearchRequest parse(SearchParameters params) {
        String q = params.q();
        String page = params.page();
        String size = params.size();
        List<FieldError> errors = new ArrayList<>();
        String text = q == null ? "" : q.strip();
        if (text.length() > limits.maxQueryLength()) {
            errors.add(new FieldError("q", "at most " + limits.maxQueryLength() + " characters"));
        }
        Integer pageNumber = integer("page", page, 1, errors);
        Integer pageSize = integer("size", size, limits.defaultSize(), errors);
        if (pageNumber != null && pageNumber < 1) {
            errors.add(new FieldError("page", "must be 1 or more"));
        }
        if (pageSize != null && (pageSize < 1 || pageSize > limits.maxSize())) {
            errors.add(new FieldError("size", "must be between 1 and " + limits.maxSize()));
        }
        if (errors.isEmpty() && (long) pageNumber * pageSize > limits.maxResultWindow()) {
            errors.add(new FieldError("page", "page × size must not exceed " + limits.maxResultWindow()
                    + "; narrow the search instead"));
        }
        Map<Facet, List<String>> filters = filters(params.filters(), errors);
        if (!errors.isEmpty()) {
            throw new InvalidSearchRequestException(errors);
        }
        return new SearchRequest(text, filters, pageNumber, pageSize);
    }

    private static Integer integer(String field, String raw, int fallback, List<FieldError> errors) {
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
