package org.bioimagecatalog.search.api;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.bioimagecatalog.model.api.Problem;
import org.bioimagecatalog.search.index.ReindexService;
import org.bioimagecatalog.search.index.ReindexStatus;
import org.bioimagecatalog.security.ApiRole;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/search/admin")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Search administration", description = "Index maintenance (role admin)")
@RolesAllowed(ApiRole.ADMIN_NAME)
public class SearchAdminResource {
    private final ReindexService reindex;

    public SearchAdminResource(ReindexService reindex) {
        this.reindex = reindex;
    }

    @POST
    @Path("/reindex")
    @Operation(summary = "Rebuild the index without downtime",
            description = "Builds the next index generation by replaying datasets.v1 from the beginning, then moves"
                    + " the alias to it atomically. Runs in the background; follow it with GET.")
    @APIResponse(responseCode = "202", description = "Started",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ReindexStatus.class)))
    @APIResponse(responseCode = "401", description = "No valid API key",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "The key's role is not admin",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "A reindex is already running",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response start() {
        return Response.accepted(reindex.start()).build();
    }

    @GET
    @Path("/reindex")
    @Operation(summary = "State of the last reindex on this replica")
    @APIResponse(responseCode = "200", description = "The state",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ReindexStatus.class)))
    public ReindexStatus status() {
        return reindex.status();
    }
}
