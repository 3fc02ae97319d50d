package org.bioimagecatalog.reuse.api;

import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.bioimagecatalog.http.ETagged;
import org.bioimagecatalog.model.api.Problem;
import org.bioimagecatalog.reuse.report.DatasetExports;
import org.bioimagecatalog.reuse.report.ScholixLink;
import org.bioimagecatalog.reuse.summary.DatasetReuseReport;
import org.bioimagecatalog.reuse.summary.DatasetReuseReports;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/reuse/datasets")
@Tag(name = "Reuse", description = "Which publications cite or reuse which datasets")
public class DatasetReuseResource {
    /** Catalog dataset ids and archive accessions: letters, digits and . _ : - (no spaces, no slashes). */
    static final String DATASET_ID = "[A-Za-z0-9._:-]{1,200}";
    static final String ID_MESSAGE = "must be 1-200 letters, digits, '.', '_', ':' or '-'";

    private final DatasetReuseReports reports;

    private final DatasetExports exports;

    public DatasetReuseResource(DatasetReuseReports reports, DatasetExports exports) {
        this.reports = reports;
        this.exports = exports;
    }

    @GET
    @Path("/{id}/citations.csv")
    @Produces("text/csv")
    @Operation(summary = "A dataset's citations as CSV",
            description = "One row per citing work: " + DatasetExports.CSV_HEADER + " (RFC 4180, UTF-8).")
    @APIResponse(responseCode = "200", description = "CSV", content = @Content(mediaType = "text/csv"))
    @APIResponse(responseCode = "404", description = "Unknown dataset",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response csv(@PathParam("id") @Pattern(regexp = DATASET_ID, message = ID_MESSAGE) String id) {
        return Response.ok(exports.csv(id), "text/csv; charset=utf-8")
                .header("Content-Disposition", "attachment; filename=\"" + id + "-citations.csv\"").build();
    }

    @GET
    @Path("/{id}/scholix")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "A dataset's links as Scholix",
            description = "Scholix v4 Link Information Packages: source = citing work, target = the dataset.")
    @APIResponse(responseCode = "200", description = "Scholix links", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.ARRAY, implementation = ScholixLink.class)))
    @APIResponse(responseCode = "404", description = "Unknown dataset",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public List<ScholixLink> scholix(@PathParam("id") @Pattern(regexp = DATASET_ID, message = ID_MESSAGE) String id) {
        return exports.scholix(id);
    }

    @GET
    @Path("/{id}/report")
    @Produces(MediaType.TEXT_HTML)
    @Operation(summary = "Printable reuse report of one dataset",
            description = "Self-contained HTML with a server-side SVG chart of reuse per year; no scripts, no CDN.")
    @APIResponse(responseCode = "200", description = "HTML page", content = @Content(mediaType = MediaType.TEXT_HTML))
    @APIResponse(responseCode = "404", description = "Unknown dataset",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response html(@PathParam("id") @Pattern(regexp = DATASET_ID, message = ID_MESSAGE) String id) {
        return Response.ok(exports.html(id), "text/html; charset=utf-8").build();
    }

    @GET
    @Path("/{id}")
    @Produces(MediaType.APPLICATION_JSON)
    @ETagged
    @Operation(operationId = "getDatasetReuse", summary = "Reuse report of one dataset",
            description = "Every publication linked to the dataset (its primary publication and the works that "
                    + "reused it), the evidence for each link, and the counts per relation and per year.")
    @APIResponse(responseCode = "200", description = "The dataset's reuse report",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = DatasetReuseReport.class)))
    @APIResponse(responseCode = "400", description = "The id is not a well-formed dataset id",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "The reuse tracker knows no dataset with this id",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public DatasetReuseReport dataset(
            @Parameter(description = "catalog dataset id", example = "idr0001")
            @PathParam("id") @Pattern(regexp = DATASET_ID, message = "must be 1-200 letters, digits, '.', '_', ':' or '-'")
            String id) {
        return reports.forDataset(id);
    }
}
