package org.bioimagecatalog.harvester.registry;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import org.bioimagecatalog.harvester.run.HarvestRun;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One repository of the seed's Table 1 as {@code GET /api/v1/harvest/sources} lists it. */
@Schema(description = "A repository of the seed's Table 1, how it is harvested and how far")
@JsonInclude(JsonInclude.Include.NON_NULL)
public record RepositoryResponse(
        @Schema(example = "dataverse") String id,
        @Schema(example = "Harvard Dataverse") String name,
        @Schema(description = "dedicated, oai-pmh, datacite, zenodo-rest or none", example = "datacite") String route,
        @Schema(description = "whether a configured harvest source implements the route in this deployment") boolean harvested,
        @Schema(description = "the DataCite query or endpoint used, or why the repository is not harvested") String note,
        @Schema(description = "the harvest sources of this repository") List<Source> sources,
        @Schema(description = "'every 24h' when scheduled, else 'manual (POST /api/v1/harvest/runs)'") String schedule,
        @Schema(description = "the most recent run of any of its sources, without errors") HarvestRun lastRun,
        @Schema(description = "records currently published for it (deletions excluded)") long records) {

    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(description = "A harvest source of a repository")
    public record Source(String name, String type, String location, boolean configured) {}
}
