package org.bioimagecatalog.search.query;

import java.util.Arrays;
import java.util.Optional;

/** The orders a search can be sorted in, by their API name. */
public enum SortOrder {
    /** Text score blended with reuse (function_score); ties newest first. */
    RELEVANCE("relevance"),
    NEWEST("newest"),
    MOST_REUSED("most-reused");

    private final String param;

    SortOrder(String param) {
        this.param = param;
    }

    public String param() {
        return param;
    }

    public static Optional<SortOrder> of(String param) {
        return Arrays.stream(values()).filter(s -> s.param.equalsIgnoreCase(param)).findFirst();
    }
}
