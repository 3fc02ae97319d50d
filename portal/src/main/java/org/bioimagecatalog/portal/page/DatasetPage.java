package org.bioimagecatalog.portal.page;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedHashMap;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import java.net.URI;
import java.util.List;
import java.util.Map;
import org.bioimagecatalog.portal.api.ApiFailure;
import org.bioimagecatalog.portal.api.CatalogApi;
import org.bioimagecatalog.portal.api.ReuseApi;
import org.bioimagecatalog.portal.api.SearchApi;
import org.bioimagecatalog.portal.cite.DatasetCitation;
import org.bioimagecatalog.portal.dataset.Signposting;
import org.bioimagecatalog.portal.dataset.YearChart;
import org.bioimagecatalog.portal.json.Json;
import org.bioimagecatalog.portal.json.JsonNodeResolver;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/**
 * The landing page of a dataset, {@code /datasets/{id}}: everything the catalog, search and the reuse tracker know of
 * it, read in parallel, with its JSON-LD embedded and Signposting headers. A merged-away id answers 301 to the
 * survivor, a withdrawn one 410, an archive accession redirects to the dataset that holds it.
 */
@Path("/datasets")
public class DatasetPage {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final CatalogApi catalog;
    private final SearchApi search;
    private final ReuseApi reuse;
    private final Template dataset;
    private final Template status;
    private final ApiFailurePages failures;

    DatasetPage(@RestClient CatalogApi catalog, @RestClient SearchApi search, @RestClient ReuseApi reuse,
            @Location("dataset.html") Template dataset, @Location("status.html") Template status,
            ApiFailurePages failures) {
        this.catalog = catalog;
        this.search = search;
        this.reuse = reuse;
        this.dataset = dataset;
        this.status = status;
        this.failures = failures;
    }

    @GET
    @Path("/{id}")
    @Produces(MediaType.TEXT_HTML)
    public Response page(@PathParam("id") String id, @Context HttpHeaders headers) {
        String base = PublicBase.of(headers);
        // every read at once: the page costs the slowest call, not their sum
        var all = Uni.combine().all().unis(
                raw(catalog.dataset(id)),
                optional(catalog.history(id)),
                optional(reuse.dataset(id)),
                optional(search.similar(id, 5)),
                catalog.datasetJsonLd(id).onFailure().recoverWithItem("")).asTuple().await().indefinitely();
        Response answer = all.getItem1();
        return switch (answer.getStatus()) {
            case 200 -> landing(answer.readEntity(JsonNode.class), all.getItem2(), all.getItem3(), all.getItem4(),
                    all.getItem5(), base);
            case 301 -> moved(survivor(answer), id);
            case 410 -> Response.status(410).type(MediaType.TEXT_HTML_TYPE).entity(status.data("status", 410)
                    .data("title", "Dataset withdrawn").data("detail", problemDetail(answer))
                    .data("history", all.getItem2()).data("id", id).render()).build();
            case 404 -> byAccession(id);
            default -> failures.page(ApiFailure.answered(answer));
        };
    }

    private Response landing(JsonNode d, JsonNode history, JsonNode reuseReport, JsonNode similar, String jsonLd,
            String base) {
        String id = Json.text(d, "id");
        String landingUrl = base + "/datasets/" + id;
        String api = base + "/api/v1/datasets/" + id;
        DatasetCitation citation = DatasetCitation.of(d, landingUrl);
        Map<String, Object> byYear = JsonNodeResolver.fields(reuseReport == null ? null : reuseReport.path("byYear"));
        String html = dataset.data("d", d).data("m", d.path("metadata")).data("id", id)
                .data("history", history).data("reuse", reuseReport).data("similar", similar)
                .data("provenance", JsonNodeResolver.fields(d.path("provenance")))
                .data("citation", citation).data("dataDoi", DatasetCitation.dataDoi(d))
                .data("chart", YearChart.svg(byYear, "Reuses")).data("byYear", byYear)
                .data("jsonLd", scriptSafe(jsonLd)).data("api", api).data("landingUrl", landingUrl).render();
        Response.ResponseBuilder ok = Response.ok(html, MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"));
        List<String> links = Signposting.links(d, citation.citeAs(), api);
        ok.header("Link", String.join(", ", links));
        return ok.build();
    }

    /** A relative Location (RFC 9110 allows it): the browser resolves it against the address it used. */
    private Response moved(String survivor, String id) {
        String target = "/datasets/" + survivor;
        return LocalRedirect.to(301, target).type(MediaType.TEXT_HTML_TYPE).entity(status.data("status", 301)
                .data("title", "Dataset merged").data("id", id).data("target", target)
                .data("detail", "This dataset was merged into " + survivor + ".").render()).build();
    }

    /** An archive accession (idr0001, EMPIAR-10002, S-BIAD144): the dataset whose records or identifiers carry it. */
    private Response byAccession(String accession) {
        MultivaluedHashMap<String, String> query = new MultivaluedHashMap<>();
        query.putSingle("q", accession);
        query.putSingle("size", "5");
        JsonNode hits = optional(search.search(query)).await().indefinitely();
        for (JsonNode hit : Json.list(hits, "items")) {
            String candidate = Json.text(hit, "id");
            if (!candidate.isEmpty() && holds(candidate, accession)) {
                return LocalRedirect.to(302, "/datasets/" + candidate).build();
            }
        }
        return Response.status(404).type(MediaType.TEXT_HTML_TYPE).entity(status.data("status", 404)
                .data("title", "No such dataset").data("id", accession)
                .data("detail", "No dataset has the id or accession " + accession + ".").render()).build();
    }

    private boolean holds(String datasetId, String accession) {
        Response answer = raw(catalog.dataset(datasetId)).await().indefinitely();
        if (answer.getStatus() != 200) {
            return false;
        }
        JsonNode d = answer.readEntity(JsonNode.class);
        for (JsonNode record : Json.list(d, "sourceRecords")) {
            if (accession.equalsIgnoreCase(Json.text(record, "nativeId"))) {
                return true;
            }
        }
        for (JsonNode identifier : Json.list(d, "metadata", "identifiers")) {
            if (accession.equalsIgnoreCase(Json.text(identifier, "value"))) {
                return true;
            }
        }
        return false;
    }

    private static String survivor(Response answer) {
        URI location = answer.getLocation();
        if (location == null) {
            throw new WebApplicationException("the catalog answered 301 without a Location", 502);
        }
        String path = location.getPath();
        return path.substring(path.lastIndexOf('/') + 1);
    }

    private static String problemDetail(Response answer) {
        try {
            return Json.text(JSON.readTree(answer.readEntity(String.class)), "detail");
        } catch (Exception e) {
            return "";
        }
    }

    /** The answer whatever its status: the client reports 4xx/5xx as exceptions that carry it. */
    static Uni<Response> raw(Uni<Response> read) {
        return read.onFailure(WebApplicationException.class)
                .recoverWithItem(e -> ((WebApplicationException) e).getResponse());
    }

    /** A part of the page that may fail or be absent (no reuse yet, not indexed yet): the page shows the rest. */
    static Uni<JsonNode> optional(Uni<JsonNode> read) {
        return read.onFailure().recoverWithNull();
    }

    /** JSON inside {@code <script>}: a "</" in a value would end the element early. */
    static String scriptSafe(String json) {
        return json == null ? "" : json.replace("</", "<\\/");
    }
}
