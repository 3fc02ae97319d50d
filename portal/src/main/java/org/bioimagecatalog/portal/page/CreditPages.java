package org.bioimagecatalog.portal.page;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.bioimagecatalog.portal.api.ApiFailure;
import org.bioimagecatalog.portal.api.CatalogApi;
import org.bioimagecatalog.portal.api.ReuseApi;
import org.bioimagecatalog.portal.dataset.YearChart;
import org.bioimagecatalog.portal.json.JsonNodeResolver;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/**
 * Credit pages: a producer's datasets and who reused them ({@code /producers/{orcid}}), and an archive's, with the
 * vocabulary labels its datasets carry without an ontology id (the catalog's harmony report for that archive).
 */
@Path("/")
public class CreditPages {
    /** Unresolved vocabulary labels listed per field on an archive's page. */
    static final int UNRESOLVED = 10;

    private final ReuseApi reuse;
    private final CatalogApi catalog;
    private final Template producer;
    private final Template archive;
    private final Template status;
    private final ApiFailurePages failures;

    CreditPages(@RestClient ReuseApi reuse, @RestClient CatalogApi catalog, @Location("producer.html") Template producer,
            @Location("archive.html") Template archive, @Location("status.html") Template status,
            ApiFailurePages failures) {
        this.reuse = reuse;
        this.catalog = catalog;
        this.producer = producer;
        this.archive = archive;
        this.status = status;
        this.failures = failures;
    }

    @GET
    @Path("producers/{orcid}")
    @Produces(MediaType.TEXT_HTML)
    public Response producer(@PathParam("orcid") String orcid) {
        JsonNode report;
        try {
            report = reuse.producer(orcid);
        } catch (WebApplicationException e) {
            return notFound(e, "No such producer", "The reuse tracker knows no datasets of ORCID " + orcid + ".");
        }
        Map<String, Object> byYear = JsonNodeResolver.fields(report.path("reusesByYear"));
        return Response.ok(producer.data("r", report).data("orcid", orcid).data("byYear", byYear)
                .data("chart", YearChart.svg(byYear, "Reuses")).render(), MediaType.TEXT_HTML_TYPE.withCharset("UTF-8")).build();
    }

    @GET
    @Path("sources/{archive}")
    @Produces(MediaType.TEXT_HTML)
    public Response archive(@PathParam("archive") String source) {
        // the archive's vocabulary gaps, asked while the reuse report is read; a page without them if that fails
        CompletableFuture<JsonNode> harmony = catalog.harmony(UNRESOLVED, source).onFailure().recoverWithNull()
                .subscribeAsCompletionStage();
        JsonNode report;
        try {
            report = reuse.repository(source, 50);
        } catch (WebApplicationException e) {
            return notFound(e, "No such archive", "The reuse tracker knows no datasets of " + source + ".");
        }
        Map<String, Object> byYear = JsonNodeResolver.fields(report.path("reusesByYear"));
        return Response.ok(archive.data("r", report).data("source", source).data("byYear", byYear)
                .data("harmony", harmony.join())
                .data("chart", YearChart.svg(byYear, "Reuses")).render(), MediaType.TEXT_HTML_TYPE.withCharset("UTF-8")).build();
    }

    /** The tracker knows nothing of it (404): this page's own 404; any other failure says what went wrong. */
    private Response notFound(WebApplicationException e, String title, String detail) {
        if (e.getResponse().getStatus() != 404) {
            return failures.page(ApiFailure.of(e));
        }
        return Response.status(404).type(MediaType.TEXT_HTML_TYPE)
                .entity(status.data("status", 404).data("title", title).data("detail", detail).data("id", "").render())
                .build();
    }
}
