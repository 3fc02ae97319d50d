package org.bioimagecatalog.harvester.api;

import java.util.List;
import org.bioimagecatalog.harvester.registry.RepositoryResponse;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(description = "The configured harvest sources, by name, and the repositories of the seed's Table 1")
public record SourceListResponse(
        List<SourceResponse> items,
        @Schema(description = "every repository of the seed's Table 1 with its route, schedule, last run and record"
                + " count, or why it is not harvested")
        List<RepositoryResponse> repositories) {}
