package org.bioimagecatalog.catalog.harmony;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.bioimagecatalog.catalog.api.InvalidParameterException;
import org.bioimagecatalog.catalog.api.PageRequest;
import org.bioimagecatalog.model.api.Problem;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/datasets/harmony")
@Tag(name = "Datasets", description = "Canonical datasets merged from the archives' records")
public class HarmonyResource {
    static final int DEFAULT_TOP = 20;
    static final int MAX_TOP = 1000;

    private final HarmonyQueries queries;

    public HarmonyResource(HarmonyQueries queries) {
        this.queries = queries;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "getHarmonyReport", summary = "How far the catalog speaks one vocabulary",
            description = "Over the live datasets: the share of organism, imaging-method, cell-line, format and licence "
                    + "values that carry a vocabulary id; how many ids appear under more than one display name (must "
                    + "be 0); the unresolved labels with their counts, so a steward knows what to map next; how many "
                    + "datasets merge records of more than one archive. With source, over the datasets holding a "
                    + "record of that archive (a merged dataset with all its values, whichever archive gave them).")
    @APIResponse(responseCode = "200", description = "The report",
            content = {@Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = HarmonyReport.class)),
                @Content(mediaType = MediaType.TEXT_PLAIN, schema = @Schema(type = SchemaType.STRING,
                        description = "The same report as a table, with the unresolved labels and RESULT lines"))})
    @APIResponse(responseCode = "400", description = "top is not a number from 0 to 1000, or source not an archive name",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public HarmonyReport report(
            @Parameter(description = "Unresolved labels listed per field, 0 to 1000 (default 20)",
                    schema = @Schema(type = SchemaType.INTEGER)) @QueryParam("top") String top,
            @Parameter(description = "Only the datasets with a record from this archive", example = "idr")
            @QueryParam("source") String source) {
        return queries.report(top(top), PageRequest.source(source));
    }

    /** The same report for a terminal ({@code bin/catalog vocab-report}); its OpenAPI entry is the JSON one's. */
    @GET
    @Produces(MediaType.TEXT_PLAIN)
    @Operation(hidden = true)
    public String reportText(@QueryParam("top") String top, @QueryParam("source") String source) {
        return HarmonyReportText.render(queries.report(top(top), PageRequest.source(source)));
    }

    private static int top(String value) {
        if (value == null || value.isBlank()) {
            return DEFAULT_TOP;
        }
        try {
            int top = Integer.parseInt(value.strip());
            if (top >= 0 && top <= MAX_TOP) {
                return top;
            }
        } catch (NumberFormatException e) {
            // the same answer as a number out of range
        }
        throw new InvalidParameterException("top", "top must be a whole number from 0 to " + MAX_TOP);
    }
}
