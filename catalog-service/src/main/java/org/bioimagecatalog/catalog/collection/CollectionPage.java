package org.bioimagecatalog.catalog.collection;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "CollectionPage", description = "One page of collections in id order")
public record CollectionPage(List<CollectionView> items,
        @Schema(description = "Opaque cursor for the next page; null on the last page", nullable = true) String next,
        long total) {}
