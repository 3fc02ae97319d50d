package org.bioimagecatalog.catalog.collection;

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
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.core.UriInfo;
import java.util.function.Function;
import org.bioimagecatalog.catalog.CatalogConfig;
import org.bioimagecatalog.catalog.api.Negotiation;
import org.bioimagecatalog.catalog.api.PageCursor;
import org.bioimagecatalog.catalog.api.PageRequest;
import org.bioimagecatalog.catalog.export.DatasetCsv;
import org.bioimagecatalog.catalog.export.SchemaOrgDataset;
import org.bioimagecatalog.model.ModelJson;
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

/** Curated collections: public to read (JSON, CSV, schema.org JSON-LD), {@code curator} to write. */
@Path("/api/v1/collections")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Collections", description = "Curated, citable sets of datasets (e.g. prepared for a datathon)")
@APIResponse(responseCode = "400", description = "A field or parameter the API cannot use; errors[].field names it",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
public class CollectionResource {

    @Inject
    CollectionService collections;

    @Inject
    CatalogConfig config;

    @GET
    @Operation(summary = "List collections", description = "Live collections in id order, paged with an opaque cursor.")
    @APIResponse(responseCode = "200", description = "One page",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = CollectionPage.class)))
    public CollectionPage list(@Context UriInfo uri,
            @Parameter(description = "Page size, 1 to 200 (default 20)", schema = @Schema(type = SchemaType.INTEGER))
            @QueryParam("limit") String limit,
            @Parameter(description = "The 'next' value of the previous page") @QueryParam("cursor") String cursor) {
        CollectionService.Slice slice = collections.page(PageCursor.decode(cursor), PageRequest.limit(limit, config.api()));
        String next = slice.more() ? PageCursor.after(slice.items().get(slice.items().size() - 1).id()) : null;
        return new CollectionPage(slice.items().stream()
                .map(c -> CollectionView.of(c, self(uri, c.id()), datasets(uri), false)).toList(), next, slice.total());
    }

    @GET
    @Path("/{id}")
    @Produces({MediaType.APPLICATION_JSON, SchemaOrgDataset.MEDIA_TYPE, DatasetCsv.MEDIA_TYPE})
    @ETagged
    @Operation(summary = "Read a collection", description = "The collection and its datasets with the curator's notes. "
            + "By content negotiation also as a schema.org DataCatalog (application/ld+json) or as CSV (text/csv, the "
            + "columns of the dataset list plus 'note').")
    @APIResponse(responseCode = "200", description = "The collection",
            content = {@Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = CollectionView.class)),
                    @Content(mediaType = SchemaOrgDataset.MEDIA_TYPE, schema = @Schema(type = SchemaType.OBJECT)),
                    @Content(mediaType = DatasetCsv.MEDIA_TYPE, schema = @Schema(type = SchemaType.STRING))})
    @APIResponse(responseCode = "404", description = "No collection has this id",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "410", description = "The collection was deleted",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response get(@Parameter(example = "col-4f2a9c01b7e3") @PathParam("id") String id,
            @Context HttpHeaders headers, @Context UriInfo uri) {
        CuratedCollection collection = collections.get(id);
        String self = self(uri, id);
        Function<String, String> datasetUrl = datasetId -> datasets(uri) + "/" + datasetId;
        return switch (Negotiation.choose(headers, MediaType.APPLICATION_JSON, SchemaOrgDataset.MEDIA_TYPE,
                DatasetCsv.MEDIA_TYPE)) {
            case SchemaOrgDataset.MEDIA_TYPE -> Response.ok(ModelJson.write(
                    CollectionExport.jsonLd(collection, self, datasetUrl)), SchemaOrgDataset.MEDIA_TYPE).build();
            case DatasetCsv.MEDIA_TYPE -> Response.ok(CollectionExport.csv(collection, datasetUrl),
                    DatasetCsv.MEDIA_TYPE + "; charset=UTF-8")
                    .header("Content-Disposition", "attachment; filename=\"" + id + ".csv\"").build();
            default -> Response.ok(CollectionView.of(collection, self, datasets(uri), true), MediaType.APPLICATION_JSON)
                    .build();
        };
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(ApiRole.CURATOR_NAME)
    @Operation(summary = "Create a collection", description = "Gives it a stable id (col-<12 hex>) and a citable URL. "
            + "The curator defaults to the API key's name.")
    @APIResponse(responseCode = "201", description = "Created; Location is its URL",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = CollectionView.class)))
    @APIResponse(responseCode = "401", description = "No valid API key",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "The key's role does not allow this (needs curator)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response create(@NotNull @Valid CollectionRequests.Details request, @Context SecurityContext caller,
            @Context UriInfo uri) {
        String id = collections.create(request, keyName(caller));
        return Response.created(uri.getBaseUriBuilder().path("api/v1/collections").path(id).build())
                .entity(CollectionView.of(collections.get(id), self(uri, id), datasets(uri), true)).build();
    }

    @PUT
    @Path("/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(ApiRole.CURATOR_NAME)
    @Operation(summary = "Update a collection's title, description and curator",
            description = "Replaces all three (a missing description or curator is cleared / reset to the key's name).")
    @APIResponse(responseCode = "200", description = "The updated collection",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = CollectionView.class)))
    @APIResponse(responseCode = "404", description = "No collection has this id")
    @APIResponse(responseCode = "410", description = "The collection was deleted")
    public CollectionView update(@PathParam("id") String id, @NotNull @Valid CollectionRequests.Details request,
            @Context SecurityContext caller, @Context UriInfo uri) {
        collections.update(id, request, keyName(caller));
        return CollectionView.of(collections.get(id), self(uri, id), datasets(uri), true);
    }

    @POST
    @Path("/{id}/datasets")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(ApiRole.CURATOR_NAME)
    @Operation(summary = "Add a dataset to a collection, with a note",
            description = "Adding a dataset that is already in replaces its note. The dataset must be live.")
    @APIResponse(responseCode = "201", description = "Added",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = CollectionView.class)))
    @APIResponse(responseCode = "200", description = "Already in: note replaced",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = CollectionView.class)))
    @APIResponse(responseCode = "404", description = "No collection has this id")
    @APIResponse(responseCode = "410", description = "The collection was deleted")
    public Response addDataset(@PathParam("id") String id, @NotNull @Valid CollectionRequests.Item request,
            @Context SecurityContext caller, @Context UriInfo uri) {
        boolean added = collections.addDataset(id, request, keyName(caller));
        return Response.status(added ? 201 : 200)
                .entity(CollectionView.of(collections.get(id), self(uri, id), datasets(uri), true)).build();
    }

    @DELETE
    @Path("/{id}/datasets/{datasetId}")
    @RolesAllowed(ApiRole.CURATOR_NAME)
    @Operation(summary = "Remove a dataset from a collection")
    @APIResponse(responseCode = "204", description = "Removed")
    @APIResponse(responseCode = "404", description = "No collection has this id, or the dataset is not in it")
    @APIResponse(responseCode = "410", description = "The collection was deleted")
    public Response removeDataset(@PathParam("id") String id, @PathParam("datasetId") String datasetId) {
        collections.removeDataset(id, datasetId);
        return Response.noContent().build();
    }

    @DELETE
    @Path("/{id}")
    @RolesAllowed(ApiRole.CURATOR_NAME)
    @Operation(summary = "Delete a collection", description = "Its id is never reused; its URL answers 410 from now on.")
    @APIResponse(responseCode = "204", description = "Deleted")
    @APIResponse(responseCode = "404", description = "No collection has this id")
    @APIResponse(responseCode = "410", description = "Already deleted")
    public Response delete(@PathParam("id") String id, @Context SecurityContext caller) {
        collections.delete(id, keyName(caller));
        return Response.noContent().build();
    }

    private static String keyName(SecurityContext caller) {
        return caller.getUserPrincipal().getName();
    }

    private static String self(UriInfo uri, String id) {
        return uri.getBaseUriBuilder().path("api/v1/collections").path(id).build().toString();
    }

    private static String datasets(UriInfo uri) {
        return uri.getBaseUriBuilder().path("api/v1/datasets").build().toString();
    }
}
