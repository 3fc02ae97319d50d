package org.bioimagecatalog.reuse.api;

import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.bioimagecatalog.model.api.Problem;
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

    private final DatasetReuseReports reports;

    public DatasetReuseResource(DatasetReuseReports reports) {
        this.reports = reports;
    }

    @GET
    @Path("/{id}")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Reuse report of one dataset",
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
