package org.bioimagecatalog.catalog.collection;

import java.time.Instant;
import java.util.List;
import org.bioimagecatalog.catalog.dataset.Dataset;

/** A collection as stored, with its datasets in the order they were added. */
public record CuratedCollection(String id, String title, String description, String curator, String createdBy,
        Instant createdAt, Instant updatedAt, int version, long datasetCount, List<Entry> entries) {

    /**
     * One dataset of the collection. {@code current} is the live dataset that now holds its records: the
     * dataset itself, the survivor of a merge, or null when it was withdrawn.
     */
    public record Entry(String datasetId, String note, String addedBy, Instant addedAt, Dataset dataset,
            Dataset current) {}
}
