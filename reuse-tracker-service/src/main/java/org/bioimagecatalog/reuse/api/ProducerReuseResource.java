package org.bioimagecatalog.reuse.api;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.bioimagecatalog.model.api.Problem;
import org.bioimagecatalog.model.ids.Orcid;
import org.bioimagecatalog.reuse.citation.InvalidCitationException;
import org.bioimagecatalog.reuse.report.ProducerReport;
import org.bioimagecatalog.reuse.report.ReuseReports;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The credit report of one data producer, found by ORCID among the datasets' creators. */
@Path("/api/v1/reuse/producers")
@Tag(name = "Reuse", description = "Which publications cite or reuse which datasets")
public class ProducerReuseResource {
    private final ReuseReports reports;

    public ProducerReuseResource(ReuseReports reports) {
        this.reports = reports;
    }

    @GET
    @Path("/{orcid}")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Reuse report of one producer",
            description = "Every dataset listing this ORCID among its creators, with its reuse, most reused first.")
    @APIResponse(responseCode = "200", description = "The producer's credit report", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ProducerReport.class)))
    @APIResponse(responseCode = "400", description = "Not an ORCID iD (form or check digit)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No dataset lists this producer",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public ProducerReport producer(@Parameter(description = "ORCID iD, bare or as URL", example = "0000-0002-1825-0097")
            @PathParam("orcid") String orcid) {
        return reports.forProducer(orcid(orcid));
    }

    @GET
    @Path("/{orcid}/datasets.csv")
    @Produces("text/csv")
    @Operation(summary = "A producer's datasets with their reuse, as CSV")
    @APIResponse(responseCode = "200", description = "CSV", content = @Content(mediaType = "text/csv"))
    @APIResponse(responseCode = "400", description = "Not an ORCID iD (form or check digit)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response csv(@PathParam("orcid") String orcid) {
        String normalised = orcid(orcid);
        reports.requireProducer(normalised);
        return CsvResponses.streamed(normalised + "-reuse.csv", out -> reports.producerCsv(normalised, out));
    }

    @GET
    @Path("/{orcid}/report")
    @Produces(MediaType.TEXT_HTML)
    @Operation(summary = "Printable credit report of one producer",
            description = "Self-contained HTML with a server-side SVG chart of reuse per year; no scripts, no CDN.")
    @APIResponse(responseCode = "200", description = "HTML page", content = @Content(mediaType = MediaType.TEXT_HTML))
    @APIResponse(responseCode = "400", description = "Not an ORCID iD (form or check digit)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response html(@PathParam("orcid") String orcid) {
        return Response.ok(reports.producerHtml(orcid(orcid)), "text/html; charset=utf-8").build();
    }

    private static String orcid(String value) {
        return Orcid.normalise(value).orElseThrow(() -> new InvalidCitationException(List.of(
                new Problem.FieldError("orcid", "is not an ORCID iD (0000-0000-0000-000X with a valid check digit)"))));
    }
}
