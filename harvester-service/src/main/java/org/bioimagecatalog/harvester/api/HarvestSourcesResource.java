package org.bioimagecatalog.harvester.api;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.bioimagecatalog.harvester.registry.RepositoryRegistry;
import org.bioimagecatalog.harvester.run.HarvestRunService;
import org.bioimagecatalog.harvester.run.HarvestSources;
import org.bioimagecatalog.harvester.run.ScheduledHarvests;
import org.bioimagecatalog.harvester.run.VanishedRecords;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The configured sources and how their last harvest went. */
@Path("/api/v1/harvest/sources")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Harvest sources", description = "The archives this harvester is configured to read")
public class HarvestSourcesResource {

    @Inject
    HarvestSources sources;

    @Inject
    HarvestRunService runs;

    @Inject
    RepositoryRegistry registry;

    @Inject
    ScheduledHarvests scheduled;

    @Inject
    VanishedRecords listed;

    @GET
    @Operation(summary = "List configured sources", description = "The configured sources (name, connector type, the"
            + " archive its record keys name, default location, schedule, next scheduled run, last run, record count) and, under 'repositories', every repository"
            + " of the seed's Table 1 with its route (dedicated, OAI-PMH, DataCite query, Zenodo REST, or none and why),"
            + " schedule, last run and record count.")
    @APIResponse(responseCode = "200", description = "The sources",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = SourceListResponse.class)))
    public SourceListResponse list() {
        return new SourceListResponse(sources.all().stream()
                .map(s -> {
                    String schedule = scheduled.describe(s).orElse(null);
                    return new SourceResponse(s.name(), s.type(), s.archive(), s.location().orElse(null),
                            schedule != null, schedule, scheduled.nextRun(s).orElse(null),
                            runs.lastRun(s.name()).orElse(null), listed.count(s.name()));
                })
                .toList(), registry.repositories());
    }
}
