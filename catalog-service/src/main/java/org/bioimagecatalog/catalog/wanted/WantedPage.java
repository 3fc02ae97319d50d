package org.bioimagecatalog.catalog.wanted;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "WantedPage", description = "One page of requests")
public record WantedPage(List<WantedView> items,
        @Schema(description = "Opaque cursor for the next page; null on the last page", nullable = true) String next,
        long total) {}
