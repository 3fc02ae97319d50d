package org.bioimagecatalog.harvester.api;

import io.quarkus.security.identity.CurrentIdentityAssociation;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.bioimagecatalog.harvester.run.HarvestRun;
import org.bioimagecatalog.harvester.run.HarvestRunService;
import org.bioimagecatalog.harvester.run.InvalidRequestException;
import org.bioimagecatalog.model.api.Problem;
import org.bioimagecatalog.security.ApiRole;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Start harvest runs and follow their progress. */
@Path("/api/v1/harvest/runs")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Harvest runs", description = "Start harvests and follow their progress, counts and errors")
public class HarvestRunsResource {
    private static final int DEFAULT_LIMIT = 20;

    @Inject
    HarvestRunService runs;

    @Inject
    CurrentIdentityAssociation identities;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(ApiRole.ADMIN_NAME)
    @Operation(summary = "Start a harvest run",
            description = "Starts harvesting a source asynchronously. Without a location the source's configured one"
                    + " is used. Records whose content has not changed since they were last published are counted as"
                    + " unchanged and not re-published unless force is true.")
    @APIResponse(responseCode = "202", description = "The run started; Location names it",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = HarvestRun.class)))
    @APIResponse(responseCode = "400", description = "Unknown source, no usable location, or a malformed body",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "401", description = "No valid API key (send 'Authorization: Bearer <key>' or 'X-API-Key')",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "The key's role does not allow this (needs admin)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "The source is being harvested already",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response start(StartRunRequest request, @Context UriInfo uri) {
        if (request == null) {
            throw new InvalidRequestException("a JSON body is required, e.g. {\"source\":\"idr\"}");
        }
        HarvestRun run = runs.start(request.source(), request.location(), Boolean.TRUE.equals(request.force()));
        return Response.accepted(run).location(uri.getAbsolutePathBuilder().path(run.id()).build()).build();
    }

    @POST
    @Path("/{id}/resume")
    @RolesAllowed(ApiRole.ADMIN_NAME)
    @Operation(summary = "Resume a stopped harvest run",
            description = "Continues a run that stopped before the end (FAILED: PostgreSQL or Kafka went away, a page"
                    + " could not be fetched; or PARTIAL, stopped early) from the last entry or page it finished, as"
                    + " after a crash: same id, counters kept, resumes + 1. Only the newest run of its source.")
    @APIResponse(responseCode = "202", description = "The run is RUNNING again",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = HarvestRun.class)))
    @APIResponse(responseCode = "401", description = "No valid API key (send 'Authorization: Bearer <key>' or 'X-API-Key')",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "The key's role does not allow this (needs admin)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No run has this id",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "The run finished, was superseded, or its source is being harvested",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "503", description = "PostgreSQL cannot be reached; Retry-After says when to try again",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response resume(@Parameter(description = "run id (UUID)") @PathParam("id") String id, @Context UriInfo uri) {
        HarvestRun run = runs.resume(id);
        return Response.accepted(run).location(uri.getBaseUriBuilder().path("api/v1/harvest/runs").path(run.id()).build())
                .build();
    }

    @GET
    @Path("/{id}")
    // the description stays as the committed OpenAPI copies have it; the errors are only shown to an admin key
    @Operation(summary = "Get a harvest run", description = "Status, counts and the first 100 errors of one run.")
    @APIResponse(responseCode = "200", description = "The run",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = HarvestRun.class)))
    @APIResponse(responseCode = "404", description = "No run has this id",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "503", description = "PostgreSQL cannot be reached; Retry-After says when to try again",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public HarvestRun get(@Parameter(description = "run id (UUID)") @PathParam("id") String id) {
        HarvestRun run = runs.get(id);
        // errors name locations (paths, hosts) an admin chose: not for every reader of a public API. A key that
        // does not authenticate reads like no key (reads stay public).
        boolean admin = identities.getDeferredIdentity().map(i -> i.hasRole(ApiRole.ADMIN_NAME))
                .onFailure().recoverWithItem(false).await().indefinitely();
        return admin ? run : run.withoutErrors();
    }

    @GET
    @Operation(summary = "List harvest runs", description = "Newest first, without their errors, paged with a cursor.")
    @APIResponse(responseCode = "200", description = "A page of runs",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = RunPageResponse.class)))
    @APIResponse(responseCode = "400", description = "A bad limit or cursor",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public RunPageResponse list(
            @Parameter(description = "page size, 1 to 100", schema = @Schema(defaultValue = "20")) @QueryParam("limit") String limit,
            @Parameter(description = "the 'next' value of the previous page") @QueryParam("cursor") String cursor) {
        HarvestRunService.RunPage page = runs.list(parseLimit(limit), cursor);
        return new RunPageResponse(page.items(), page.next());
    }

    /** Taken as text so that {@code limit=abc} is a 400 with a reason, not JAX-RS's bare 404. */
    private static int parseLimit(String limit) {
        if (limit == null || limit.isBlank()) {
            return DEFAULT_LIMIT;
        }
        try {
            return Integer.parseInt(limit.strip());
        } catch (NumberFormatException e) {
            throw new InvalidRequestException("'limit' must be a whole number between 1 and "
                    + HarvestRunService.MAX_PAGE + ", not '" + limit + "'");
        }
    }
}
