package org.bioimagecatalog.catalog.wanted;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.core.UriInfo;
import org.bioimagecatalog.catalog.CatalogConfig;
import org.bioimagecatalog.catalog.api.InvalidParameterException;
import org.bioimagecatalog.catalog.api.PageCursor;
import org.bioimagecatalog.catalog.api.PageRequest;
import org.bioimagecatalog.model.api.Problem;
import org.bioimagecatalog.security.ApiRole;
import org.bioimagecatalog.http.ETagged;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The "most wanted" boards: public to read; posting, voting and status changes need an API key. */
@Path("/api/v1/wanted")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Most wanted", description = "Public requests for datasets and analysis pipelines, with votes")
@APIResponse(responseCode = "400", description = "A field or parameter the API cannot use; errors[].field names it",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
public class WantedResource {

    @Inject
    WantedService wanted;

    @Inject
    CatalogConfig config;

    @GET
    @Operation(summary = "List requests", description = "Filtered by kind, status and tag; the most voted first "
            + "(sort=votes, the default) or the newest first (sort=newest).")
    @APIResponse(responseCode = "200", description = "One page",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = WantedPage.class)))
    public WantedPage list(@Context UriInfo uri,
            @Parameter(schema = @Schema(enumeration = {"dataset", "pipeline"})) @QueryParam("kind") String kind,
            @Parameter(schema = @Schema(enumeration = {"open", "in_progress", "fulfilled"})) @QueryParam("status") String status,
            @Parameter(example = "zebrafish") @QueryParam("tag") String tag,
            @Parameter(schema = @Schema(enumeration = {"votes", "newest"})) @QueryParam("sort") String sort,
            @Parameter(description = "Page size, 1 to 200 (default 20)", schema = @Schema(type = SchemaType.INTEGER))
            @QueryParam("limit") String limit,
            @Parameter(description = "The 'next' value of the previous page") @QueryParam("cursor") String cursor) {
        WantedService.Query query = new WantedService.Query(oneOf("kind", kind, "dataset", "pipeline"),
                oneOf("status", status, "open", "in_progress", "fulfilled"), tag(tag),
                !"newest".equals(oneOf("sort", sort, "votes", "newest")), offset(cursor),
                PageRequest.limit(limit, config.api()));
        WantedService.Slice slice = wanted.page(query);
        String next = slice.more() ? PageCursor.after(Integer.toString(query.offset() + query.limit())) : null;
        return new WantedPage(slice.items().stream().map(w -> view(w, uri)).toList(), next, slice.total());
    }

    @GET
    @Path("/{id}")
    @ETagged
    @Operation(summary = "Read a request")
    @APIResponse(responseCode = "200", description = "The request",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = WantedView.class)))
    @APIResponse(responseCode = "404", description = "No request has this id",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public WantedView get(@PathParam("id") String id, @Context UriInfo uri) {
        return view(wanted.get(id(id)), uri);
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(ApiRole.SUBMITTER_NAME)
    @Operation(summary = "Post a request", description = "Needs a submitter key; the key's identity becomes the "
            + "requester (it alone, or a curator, may change the status later).")
    @APIResponse(responseCode = "201", description = "Posted; Location is its URL",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = WantedView.class)))
    @APIResponse(responseCode = "401", description = "No valid API key",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "The key's role does not allow this (needs submitter)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response post(@NotNull @Valid WantedRequests.Post request, @Context SecurityContext caller,
            @Context UriInfo uri) {
        long id = wanted.post(request, keyName(caller));
        return Response.created(uri.getBaseUriBuilder().path("api/v1/wanted").path(Long.toString(id)).build())
                .entity(view(wanted.get(id), uri)).build();
    }

    @PUT
    @Path("/{id}/vote")
    @RolesAllowed(ApiRole.SUBMITTER_NAME)
    @Operation(summary = "Vote for a request", description = "One vote per key identity: voting again changes nothing.")
    @APIResponse(responseCode = "200", description = "The vote count with the caller's vote",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = WantedService.VoteResult.class)))
    @APIResponse(responseCode = "404", description = "No request has this id",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "401", description = "No valid API key")
    @APIResponse(responseCode = "403", description = "The key's role does not allow this (needs submitter)")
    public WantedService.VoteResult vote(@PathParam("id") String id, @Context SecurityContext caller) {
        return wanted.vote(id(id), keyName(caller));
    }

    @DELETE
    @Path("/{id}/vote")
    @RolesAllowed(ApiRole.SUBMITTER_NAME)
    @Operation(summary = "Withdraw one's vote", description = "Idempotent, like voting.")
    @APIResponse(responseCode = "200", description = "The vote count without the caller's vote",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = WantedService.VoteResult.class)))
    @APIResponse(responseCode = "404", description = "No request has this id")
    @APIResponse(responseCode = "401", description = "No valid API key")
    @APIResponse(responseCode = "403", description = "The key's role does not allow this (needs submitter)")
    public WantedService.VoteResult unvote(@PathParam("id") String id, @Context SecurityContext caller) {
        return wanted.unvote(id(id), keyName(caller));
    }

    @POST
    @Path("/{id}/status")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({ApiRole.SUBMITTER_NAME, ApiRole.CURATOR_NAME})
    @Operation(summary = "Change a request's status",
            description = "By the key that posted it or by a curator. 'fulfilled' needs fulfilledByDataset (a live "
                    + "dataset of the catalog) for a dataset request, fulfilledByUrl (http/https) for a pipeline request.")
    @APIResponse(responseCode = "200", description = "The request with its new status",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = WantedView.class)))
    @APIResponse(responseCode = "401", description = "No valid API key")
    @APIResponse(responseCode = "403", description = "Neither the requester's key nor a curator's",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No request has this id")
    public WantedView changeStatus(@PathParam("id") String id, @NotNull @Valid WantedRequests.StatusChange request,
            @Context SecurityContext caller, @Context UriInfo uri) {
        return view(wanted.changeStatus(id(id), request, keyName(caller), caller.isUserInRole(ApiRole.CURATOR_NAME)), uri);
    }

    private static WantedView view(WantedItem w, UriInfo uri) {
        return WantedView.of(w, uri.getBaseUriBuilder().path("api/v1/wanted").path(Long.toString(w.id())).build().toString(),
                uri.getBaseUriBuilder().path("api/v1/datasets").build().toString());
    }

    /** Ids are numbers; anything else names no request (404, like an unknown number). */
    private static long id(String text) {
        try {
            return Long.parseLong(text);
        } catch (NumberFormatException e) {
            throw new WantedNotFoundException(text);
        }
    }

    private static String oneOf(String parameter, String value, String... allowed) {
        if (value == null || value.isBlank()) {
            return null;
        }
        for (String candidate : allowed) {
            if (candidate.equals(value)) {
                return value;
            }
        }
        throw new InvalidParameterException(parameter, "must be one of " + String.join(", ", allowed) + ", got '" + value + "'");
    }

    private static String tag(String tag) {
        if (tag == null || tag.isBlank()) {
            return null;
        }
        tag = tag.strip().toLowerCase(java.util.Locale.ROOT);
        if (!WantedService.validTag(tag)) {
            throw new InvalidParameterException("tag", "not a tag (lower-case letters, digits, '-', '_', '.', '+', ':'), got '" + tag + "'");
        }
        return tag;
    }

    private static int offset(String cursor) {
        String decoded = PageCursor.decode(cursor);
        if (decoded == null) {
            return 0;
        }
        try {
            int offset = Integer.parseInt(decoded);
            if (offset >= 0) {
                return offset;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new InvalidParameterException("cursor", "not a cursor this list issued; use the 'next' value of a page");
    }

    private static String keyName(SecurityContext caller) {
        return caller.getUserPrincipal().getName();
    }
}
