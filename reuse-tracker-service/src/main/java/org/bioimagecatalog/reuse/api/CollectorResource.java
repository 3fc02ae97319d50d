package org.bioimagecatalog.reuse.api;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import java.util.List;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.bioimagecatalog.model.api.Problem;
import org.bioimagecatalog.reuse.collect.CollectionRun;
import org.bioimagecatalog.reuse.collect.CollectorRuns;
import org.bioimagecatalog.reuse.collect.CollectorState;
import org.bioimagecatalog.security.ApiRole;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Manual trigger of one collector (an admin action: it will need the {@code admin} or {@code curator} role
 * once API keys exist, issue 7). Runs synchronously and answers the run report.
 */
@Path("/api/v1/reuse/collect")
@Tag(name = "Collectors", description = "Citation evidence collection from Crossref, Scholix, …")
public class CollectorResource {
    private final CollectorRuns runs;

    public CollectorResource(CollectorRuns runs) {
        this.runs = runs;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "The collectors", description = "Every collector with its checkpoint and its last run.")
    @APIResponse(responseCode = "200", description = "The collectors, by name",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.ARRAY,
                            implementation = CollectorState.class)))
    public List<CollectorState> collectors() {
        return runs.states();
    }

    @POST
    @Path("/{collector}")
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed(ApiRole.ADMIN_NAME)
    @Operation(summary = "Run one collector now",
            description = "Runs the collector from its checkpoint and answers what it did. Scheduled runs use the same path.")
    @APIResponse(responseCode = "200", description = "The run completed",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = CollectionRun.class)))
    @APIResponse(responseCode = "401", description = "No valid API key (send 'Authorization: Bearer <key>' or 'X-API-Key')",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "The key's role does not allow this (needs admin)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such collector",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "The collector is running already (here or on another replica)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "502", description = "The upstream failed; the checkpoint did not move",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public CollectionRun run(@Parameter(description = "collector name", example = "crossref")
            @PathParam("collector") @Pattern(regexp = "[a-z0-9-]{1,40}", message = "must be a collector name") String collector) {
        return runs.run(collector);
    }
}
