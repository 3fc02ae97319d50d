package org.bioimagecatalog.reuse.api;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.bioimagecatalog.http.ETagged;
import org.bioimagecatalog.model.api.Problem;
import org.bioimagecatalog.reuse.citation.CitationSubmission;
import org.bioimagecatalog.reuse.citation.CitationSubmissions;
import org.bioimagecatalog.reuse.citation.CitationView;
import org.bioimagecatalog.security.ApiRole;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Citations submitted by authors and stewards. Writes will need the {@code submitter} role once API keys
 * exist (issue 7): the role check goes on {@link #submit} as {@code @RolesAllowed("submitter")}; nothing else
 * changes. Until then the endpoint accepts every request.
 */
@Path("/api/v1/citations")
@Tag(name = "Citations", description = "Submit and read citation links between publications and datasets")
public class CitationResource {
    private final CitationSubmissions submissions;

    public CitationResource(CitationSubmissions submissions) {
        this.submissions = submissions;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed(ApiRole.SUBMITTER_NAME)
    @Operation(operationId = "submitCitation", summary = "Submit a citation",
            description = "Records that a publication reuses (or describes) a dataset. Idempotent: the same "
                    + "publication and dataset again answer 200 with the existing link.")
    @APIResponse(responseCode = "201", description = "The link was created; Location names it",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = CitationView.class)))
    @APIResponse(responseCode = "200", description = "The pair was already linked; the existing link",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = CitationView.class)))
    @APIResponse(responseCode = "400", description = "Missing fields or malformed identifiers (see errors)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "401", description = "No valid API key (send 'Authorization: Bearer <key>' or 'X-API-Key')",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "The key's role does not allow this (needs submitter)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "The reuse tracker knows no such dataset",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response submit(@NotNull(message = "a JSON body is required") @Valid CitationSubmission body,
            @jakarta.ws.rs.core.Context UriInfo uri) {
        CitationSubmissions.Submitted submitted = submissions.submit(body);
        if (!submitted.created()) {
            return Response.ok(submitted.citation()).build();
        }
        return Response.created(uri.getBaseUriBuilder().path("api/v1/citations/{id}").build(submitted.citation().id()))
                .entity(submitted.citation()).build();
    }

    @GET
    @Path("/{id}")
    @Produces(MediaType.APPLICATION_JSON)
    @ETagged
    @Operation(operationId = "getCitation", summary = "One citation link", description = "The work, the dataset, the relation and the evidence.")
    @APIResponse(responseCode = "200", description = "The link",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = CitationView.class)))
    @APIResponse(responseCode = "404", description = "No such link",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public CitationView citation(@PathParam("id") long id) {
        return submissions.find(id).orElseThrow(() -> new NotFoundException("no citation link " + id));
    }
}
