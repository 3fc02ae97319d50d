package org.bioimagecatalog.catalog.api;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.bioimagecatalog.catalog.CatalogConfig;
import org.bioimagecatalog.catalog.dataset.DatasetQueries;
import org.bioimagecatalog.model.api.Problem;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/datasets")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Datasets", description = "Canonical datasets merged from the archives' records")
public class DatasetResource {

    @Inject
    DatasetQueries queries;

    @Inject
    CatalogConfig config;

    @GET
    @Operation(summary = "List datasets",
            description = "Datasets in id order, paged with an opaque cursor; withdrawn datasets are left out.")
    @APIResponse(responseCode = "200", description = "One page",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = DatasetPage.class)))
    @APIResponse(responseCode = "400", description = "Invalid limit, cursor or source",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public DatasetPage list(
            @Parameter(description = "Page size, 1 to 200 (default 20)", schema = @Schema(type = SchemaType.INTEGER))
            @QueryParam("limit") String limit,
            @Parameter(description = "The 'next' value of the previous page") @QueryParam("cursor") String cursor,
            @Parameter(description = "Only datasets with a record from this archive", example = "idr")
            @QueryParam("source") String source) {
        PageRequest request = PageRequest.parse(limit, cursor, source, config.api());
        DatasetQueries.Slice slice = queries.page(request.afterId(), request.source(), request.limit());
        String next = slice.more() ? PageCursor.after(slice.items().get(slice.items().size() - 1).id) : null;
        return new DatasetPage(slice.items().stream().map(DatasetView::of).toList(), next, slice.total());
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "Read a dataset", description = "The current version of one canonical dataset.")
    @APIResponse(responseCode = "200", description = "The dataset",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = DatasetView.class)))
    @APIResponse(responseCode = "404", description = "No dataset has this id",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "410", description = "The dataset was withdrawn",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public DatasetView get(@Parameter(example = "bic-3f1b2c4d5e6f") @PathParam("id") String id) {
        return DatasetView.of(queries.current(id));
    }

    @GET
    @Path("/{id}/history")
    @Operation(summary = "Read a dataset's history",
            description = "Every version, newest first, with the fields that changed and the harvest that caused it. "
                    + "Also available for a withdrawn dataset.")
    @APIResponse(responseCode = "200", description = "The versions",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = DatasetHistoryView.class)))
    @APIResponse(responseCode = "404", description = "No dataset has this id",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public DatasetHistoryView history(@Parameter(example = "bic-3f1b2c4d5e6f") @PathParam("id") String id) {
        return DatasetHistoryView.of(id, queries.history(id));
    }
}
