package org.bioimagecatalog.catalog.harmony;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.bioimagecatalog.model.api.Problem;
import org.bioimagecatalog.security.ApiRole;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/datasets/admin/renormalise")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Dataset administration", description = "Catalog maintenance (role admin)")
@RolesAllowed(ApiRole.ADMIN_NAME)
public class RenormaliseResource {
    private final RenormaliseJob job;

    public RenormaliseResource(RenormaliseJob job) {
        this.job = job;
    }

    @POST
    @Operation(operationId = "startRenormalise", summary = "Re-normalise stored datasets without a harvest",
            description = "Re-merges, from their stored source records, every live dataset built by an older "
                    + "vocabulary normaliser, in batches; datasets whose canonical record changed go out on "
                    + "datasets.v1 again (search reindexes them), the others are not re-published. Runs in the "
                    + "background; follow it with GET.")
    @APIResponse(responseCode = "202", description = "Started",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = RenormaliseStatus.class)))
    @APIResponse(responseCode = "401", description = "No valid API key (send 'Authorization: Bearer <key>' or 'X-API-Key')",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "The key's role does not allow this (needs admin)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "A re-normalisation is already running on this replica",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response start() {
        return Response.accepted(job.start()).build();
    }

    @GET
    @Operation(operationId = "getRenormaliseStatus", summary = "State of the last re-normalisation on this replica")
    @APIResponse(responseCode = "200", description = "The state",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = RenormaliseStatus.class)))
    @APIResponse(responseCode = "401", description = "No valid API key (send 'Authorization: Bearer <key>' or 'X-API-Key')",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "The key's role does not allow this (needs admin)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public RenormaliseStatus status() {
        return job.status();
    }
}
