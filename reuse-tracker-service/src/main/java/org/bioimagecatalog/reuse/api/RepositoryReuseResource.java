package org.bioimagecatalog.reuse.api;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.bioimagecatalog.model.api.Problem;
import org.bioimagecatalog.reuse.report.RepositoryReport;
import org.bioimagecatalog.reuse.report.ReuseReports;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Reuse of one archive's datasets (source names as in record keys: idr, empiar, bia, bbbc, …). */
@Path("/api/v1/reuse/repositories")
@Tag(name = "Reuse", description = "Which publications cite or reuse which datasets")
public class RepositoryReuseResource {
    private static final String SOURCE = "[a-z0-9-]{1,40}";

    private final ReuseReports reports;

    public RepositoryReuseResource(ReuseReports reports) {
        this.reports = reports;
    }

    @GET
    @Path("/{source}")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Reuse report of one archive",
            description = "Totals over the archive's datasets, reuse per year, and its most reused datasets. An archive "
                    + "with no tracked dataset answers zeros.")
    @APIResponse(responseCode = "200", description = "The archive's report", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = RepositoryReport.class)))
    @APIResponse(responseCode = "400", description = "Malformed source or limit",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public RepositoryReport repository(
            @Parameter(example = "idr") @PathParam("source") @Pattern(regexp = SOURCE, message = "must be a source name") String source,
            @Parameter(description = "how many of the most reused datasets to list") @QueryParam("limit") @DefaultValue("20")
            @Min(1) @Max(500) int limit) {
        return reports.forRepository(source, limit);
    }

    @GET
    @Path("/{source}/datasets.csv")
    @Produces("text/csv")
    @Operation(summary = "An archive's datasets with their reuse, as CSV (most reused first)")
    @APIResponse(responseCode = "200", description = "CSV", content = @Content(mediaType = "text/csv"))
    @APIResponse(responseCode = "400", description = "Malformed source",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response csv(@PathParam("source") @Pattern(regexp = SOURCE, message = "must be a source name") String source) {
        return CsvResponses.streamed(source + "-reuse.csv", out -> reports.repositoryCsv(source, out));
    }
}
