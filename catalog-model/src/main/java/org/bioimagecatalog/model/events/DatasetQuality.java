package org.bioimagecatalog.model.events;

import java.util.List;

/**
 * A dataset's metadata quality as the catalog scores it (REMBI/MIFA recommended fields): {@code score} is the
 * percentage present, {@code missing} names the absent fields (e.g. {@code license}, {@code creatorOrcid}).
 */
public record DatasetQuality(int score, List<String> missing) {
    public DatasetQuality {
        missing = missing == null ? List.of() : List.copyOf(missing);
    }
}
