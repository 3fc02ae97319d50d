package org.bioimagecatalog.catalog.api;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "DatasetPage", description = "One page of datasets in id order")
public record DatasetPage(
        List<DatasetView> items,
        @Schema(description = "Opaque cursor for the next page; null on the last page", nullable = true)
        String next,
        @Schema(description = "Datasets matching the filter, over all pages: exact when totalExact is true, else "
                + "the database's estimate (exact on request with count=exact)") long total,
        @Schema(description = "Whether total is an exact count rather than an estimate") boolean totalExact) {}
