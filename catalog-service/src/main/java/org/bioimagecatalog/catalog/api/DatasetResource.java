package org.bioimagecatalog.catalog.api;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.core.UriInfo;
import java.util.HashMap;
import java.util.List;
import org.bioimagecatalog.catalog.export.DataCiteJson;
import org.bioimagecatalog.catalog.export.DatasetCsv;
import org.bioimagecatalog.catalog.export.SchemaOrgDataset;
import org.bioimagecatalog.model.ModelJson;
import org.bioimagecatalog.security.ApiRole;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import java.util.Map;
import org.bioimagecatalog.catalog.CatalogConfig;
import org.bioimagecatalog.catalog.dataset.DatasetQueries;
import org.bioimagecatalog.catalog.merge.MergeDecisions;
import org.bioimagecatalog.http.ETagged;
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

    @Inject
    MergeDecisions decisions;

    @GET
    @Produces({MediaType.APPLICATION_JSON, DatasetCsv.MEDIA_TYPE})
    @Operation(operationId = "listDatasets", summary = "List datasets",
            description = "Datasets in id order, paged with an opaque cursor; withdrawn and merged-away datasets are "
                    + "left out. Filters combine with AND; the cursor keeps working with the same filters.")
    @APIResponse(responseCode = "200", description = "One page",
            content = {@Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = DatasetPage.class)),
                    @Content(mediaType = DatasetCsv.MEDIA_TYPE, schema = @Schema(type = SchemaType.STRING))},
            headers = {@Header(name = "Link", description = "CSV only: rel=\"next\" URL of the next page",
                    schema = @Schema(type = SchemaType.STRING)),
                    @Header(name = "X-Total-Count", description = "CSV only: the exact number of matching datasets",
                            schema = @Schema(type = SchemaType.INTEGER)),
                    @Header(name = "X-Total-Count-Estimate", description = "CSV only, instead of X-Total-Count "
                            + "when the total is the database's estimate", schema = @Schema(type = SchemaType.INTEGER))})
    @APIResponse(responseCode = "400", description = "A parameter the API cannot use; the problem names it",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response list(@Context HttpHeaders headers, @Context UriInfo uri,
            @Parameter(description = "Page size, 1 to 200 (default 20)", schema = @Schema(type = SchemaType.INTEGER))
            @QueryParam("limit") String limit,
            @Parameter(description = "The 'next' value of the previous page") @QueryParam("cursor") String cursor,
            @Parameter(description = "Only datasets with a record from this archive", example = "idr")
            @QueryParam("source") String source,
            @Parameter(description = "Organism by NCBI Taxonomy id", example = "4932") @QueryParam("organism") String organism,
            @Parameter(description = "Imaging method by FBbi id, or by label (case-insensitive)", example = "FBbi:00000246")
            @QueryParam("imagingMethod") String imagingMethod,
            @Parameter(description = "Licence by SPDX id", example = "CC-BY-4.0") @QueryParam("license") String license,
            @Parameter(description = "Released on or after this date", example = "2019-01-01")
            @QueryParam("releasedFrom") String releasedFrom,
            @Parameter(description = "Released on or before this date", example = "2020-12-31")
            @QueryParam("releasedTo") String releasedTo,
            @Parameter(description = "Quality score at least this (0-100)", schema = @Schema(type = SchemaType.INTEGER))
            @QueryParam("minQuality") String minQuality,
            @Parameter(description = "Changed at or after this instant (or date)", example = "2026-01-10T08:00:00Z")
            @QueryParam("updatedSince") String updatedSince,
            @Parameter(description = "'exact' counts the matching datasets for total; by default total is exact when "
                    + "few match (under 10,000) and the database's estimate otherwise (totalExact says which)",
                    schema = @Schema(enumeration = {"estimate", "exact"}))
            @QueryParam("count") String count) {
        Map<String, String> filters = new HashMap<>();
        filters.put("source", source);
        filters.put("organism", organism);
        filters.put("imagingMethod", imagingMethod);
        filters.put("license", license);
        filters.put("releasedFrom", releasedFrom);
        filters.put("releasedTo", releasedTo);
        filters.put("minQuality", minQuality);
        filters.put("updatedSince", updatedSince);
        PageRequest request = PageRequest.parse(limit, cursor, filters, config.api());
        DatasetQueries.Slice slice = queries.page(request.afterId(), request.filter(), request.limit(),
                PageRequest.exactCount(count));
        String next = slice.more() ? PageCursor.after(slice.items().get(slice.items().size() - 1).id) : null;
        List<DatasetView> views = slice.items().stream().map(DatasetView::of).toList();
        if (Negotiation.choose(headers, MediaType.APPLICATION_JSON, DatasetCsv.MEDIA_TYPE).equals(DatasetCsv.MEDIA_TYPE)) {
            Response.ResponseBuilder csv = Response.ok(DatasetCsv.of(views.stream()
                    .map(v -> new DatasetCsv.Row(v.id(), v.sourceRecords(), v.metadata(), v.quality().score(),
                            uri.getBaseUriBuilder().path("api/v1/datasets").path(v.id()).build().toString()))
                    .toList()), DatasetCsv.MEDIA_TYPE + "; charset=UTF-8")
                    .header(slice.total().exact() ? "X-Total-Count" : "X-Total-Count-Estimate", slice.total().value());
            if (next != null) {
                csv.link(uri.getRequestUriBuilder().replaceQueryParam("cursor", next).build(), "next");
            }
            return csv.build();
        }
        return Response.ok(new DatasetPage(views, next, slice.total().value(), slice.total().exact()),
                MediaType.APPLICATION_JSON).build();
    }

    @GET
    @Path("/{id}")
    @Produces({MediaType.APPLICATION_JSON, SchemaOrgDataset.MEDIA_TYPE, DataCiteJson.MEDIA_TYPE})
    @ETagged
    @Operation(operationId = "getDataset", summary = "Read a dataset", description = "The current version of one canonical dataset. By content "
            + "negotiation (Accept) also as schema.org Dataset JSON-LD (application/ld+json) or DataCite JSON, "
            + "Metadata Schema 4.x (application/vnd.datacite.datacite+json).")
    @APIResponse(responseCode = "200", description = "The dataset",
            content = {@Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = DatasetView.class)),
                    @Content(mediaType = SchemaOrgDataset.MEDIA_TYPE, schema = @Schema(type = SchemaType.OBJECT)),
                    @Content(mediaType = DataCiteJson.MEDIA_TYPE, schema = @Schema(type = SchemaType.OBJECT))})
    @APIResponse(responseCode = "404", description = "No dataset has this id",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "301", description = "The dataset was merged into another; Location names it",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "410", description = "The dataset was withdrawn",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response get(@Parameter(example = "bic-3f1b2c4d5e6f") @PathParam("id") String id,
            @Context HttpHeaders headers, @Context UriInfo uri) {
        DatasetView view = DatasetView.of(queries.current(id));
        String self = uri.getBaseUriBuilder().path("api/v1/datasets").path(view.id()).build().toString();
        return switch (Negotiation.choose(headers, MediaType.APPLICATION_JSON, SchemaOrgDataset.MEDIA_TYPE,
                DataCiteJson.MEDIA_TYPE)) {
            case SchemaOrgDataset.MEDIA_TYPE -> Response.ok(ModelJson.write(
                    SchemaOrgDataset.of(self, view.sourceRecords(), view.metadata())), SchemaOrgDataset.MEDIA_TYPE).build();
            case DataCiteJson.MEDIA_TYPE -> Response.ok(ModelJson.write(
                    DataCiteJson.of(self, view.firstRankedSource(), view.metadata())), DataCiteJson.MEDIA_TYPE).build();
            default -> Response.ok(view, MediaType.APPLICATION_JSON).build();
        };
    }

    @GET
    @Path("/{id}/history")
    @ETagged
    @Operation(operationId = "getDatasetHistory", summary = "Read a dataset's history",
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

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(ApiRole.CURATOR_NAME)
    @Path("/{id}/split")
    @Operation(summary = "Split a source record off a dataset",
            description = "The record leaves the dataset and is kept out of automatic merging from now on; "
                    + "it forms a dataset of its own (its earlier id if it had one) unless joined by hand.")
    @APIResponse(responseCode = "200", description = "The decision and the resulting datasets",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Curation.OutcomeView.class)))
    @APIResponse(responseCode = "400", description = "Missing body, or sourceKey is not a record of this dataset",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No dataset has this id",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "401", description = "No valid API key (send 'Authorization: Bearer <key>' or 'X-API-Key')",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "The key's role does not allow this (needs curator)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "The dataset has a single record",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Curation.OutcomeView split(@Parameter(example = "bic-3f1b2c4d5e6f") @PathParam("id") String id,
            @NotNull @Valid Curation.SplitRequest request, @Context SecurityContext caller) {
        return Curation.OutcomeView.of(decisions.split(id, request.sourceKey(), decidedBy(caller, request.decidedBy())));
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(ApiRole.CURATOR_NAME)
    @Path("/{id}/join")
    @Operation(summary = "Join another dataset into this one",
            description = "The records of both datasets form one dataset from now on, whatever their identifiers "
                    + "say; the older dataset's id survives and the other answers 301.")
    @APIResponse(responseCode = "200", description = "The decision and the resulting dataset",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Curation.OutcomeView.class)))
    @APIResponse(responseCode = "401", description = "No valid API key (send 'Authorization: Bearer <key>' or 'X-API-Key')",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "The key's role does not allow this (needs curator)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "400", description = "Missing body, or otherId is not another live dataset",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No dataset has this id",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Curation.OutcomeView join(@Parameter(example = "bic-3f1b2c4d5e6f") @PathParam("id") String id,
            @NotNull @Valid Curation.JoinRequest request, @Context SecurityContext caller) {
        return Curation.OutcomeView.of(decisions.join(id, request.otherId(), decidedBy(caller, request.decidedBy())));
    }

    /** The decision is recorded under the API key's name; a name given in the body is kept beside it. */
    private static String decidedBy(SecurityContext caller, String given) {
        String keyName = caller.getUserPrincipal().getName();
        return given == null || given.isBlank() ? keyName : given + " (key " + keyName + ")";
    }
}
