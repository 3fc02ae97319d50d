package org.bioimagecatalog.portal.steward;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedHashMap;
import jakarta.ws.rs.core.Response;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.bioimagecatalog.portal.api.ApiFailure;
import org.bioimagecatalog.portal.api.CatalogApi;
import org.bioimagecatalog.portal.api.HarvesterApi;
import org.bioimagecatalog.portal.community.ApiKeyCookie;
import org.bioimagecatalog.portal.api.SearchApi;
import org.bioimagecatalog.portal.json.Json;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/**
 * {@code /sources}: per archive, records and datasets, the last runs with their rejects, and metadata quality; and over
 * the whole catalog, the vocabulary labels that no ontology id stands for yet (the catalog's harmony report).
 */
@Path("/")
public class StewardDashboard {
    /** Datasets per archive read to find the most frequent gaps: a sample, so the page stays fast at any size. */
    static final int SAMPLE = 100;
    /** Unresolved vocabulary labels listed per field. */
    static final int UNRESOLVED = 15;

    private final CatalogApi catalog;
    private final HarvesterApi harvester;
    private final SearchApi search;
    private final Template dashboard;

    StewardDashboard(@RestClient CatalogApi catalog, @RestClient HarvesterApi harvester, @RestClient SearchApi search,
            @Location("sources.html") Template dashboard) {
        this.catalog = catalog;
        this.harvester = harvester;
        this.search = search;
        this.dashboard = dashboard;
    }

    /**
     * A part whose call failed is left out and the page says so; when neither the catalog's figures nor the harvester's
     * runs answered there is nothing to show: 503 with {@code Retry-After}, like any read page whose API is away.
     */
    @GET
    @Path("sources")
    @Produces(MediaType.TEXT_HTML)
    public Response dashboard(@CookieParam(ApiKeyCookie.NAME) String key) {
        // the rejects and their reasons are shown to an admin only, as the harvester's API does
        String authorization = ApiKeyCookie.bearer(key).orElse(null);
        var all = Uni.combine().all().unis(
                catalog.sources().onFailure().recoverWithNull(),
                harvester.sources().onFailure().recoverWithNull(),
                harvester.runs(100).onFailure().recoverWithNull(),
                catalog.harmony(UNRESOLVED).onFailure().recoverWithNull()).asTuple().await().indefinitely();
        JsonNode catalogSources = all.getItem1();
        List<JsonNode> runs = Json.list(all.getItem3(), "items");
        Set<String> names = new LinkedHashSet<>();
        Json.list(catalogSources, "items").forEach(s -> names.add(Json.text(s, "source")));
        runs.forEach(r -> names.add(Json.text(r, "source")));
        names.remove("");
        List<ArchiveHealth> archives = new ArrayList<>();
        for (String source : names) {
            JsonNode held = Json.list(catalogSources, "items").stream()
                    .filter(s -> source.equals(Json.text(s, "source"))).findFirst().orElse(null);
            List<JsonNode> own = runs.stream().filter(r -> source.equals(Json.text(r, "source"))).limit(5)
                    .map(run -> withErrors(run, authorization)).toList();
            archives.add(ArchiveHealth.of(source, held, own, qualityFacet(source), sample(source)));
        }
        List<String> missing = new ArrayList<>();
        if (catalogSources == null) {
            missing.add("what the catalog holds per archive");
        }
        if (all.getItem3() == null) {
            missing.add("the harvest runs");
        }
        boolean nothing = catalogSources == null && all.getItem3() == null;
        Response.ResponseBuilder page = Response.status(nothing ? 503 : 200)
                .type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
                .entity(dashboard.data("archives", archives).data("harvestSources", all.getItem2()).data("sample", SAMPLE)
                        .data("harmony", all.getItem4())
                        .data("unavailable", missing.isEmpty() ? "" : "Not shown: " + String.join(" and ", missing) + ". "
                                + ApiFailure.NOT_ANSWERING).render());
        if (nothing) {
            page.header("Retry-After", ApiFailure.RETRY_AFTER_SECONDS);
        }
        return page.build();
    }

    /** A run that rejected records, read on its own: the run list does not carry the rejects and their reasons. */
    private JsonNode withErrors(JsonNode run, String authorization) {
        if (run.path("rejected").asLong() == 0 || run.has("errors")) {
            return run;
        }
        try {
            return harvester.run(Json.text(run, "id"), authorization);
        } catch (WebApplicationException | ProcessingException e) {
            return run;
        }
    }

    private JsonNode qualityFacet(String source) {
        MultivaluedHashMap<String, String> params = new MultivaluedHashMap<>();
        params.putSingle("source", source);
        params.putSingle("size", "1");
        JsonNode result = search.search(params).onFailure().recoverWithNull().await().indefinitely();
        return Json.at(result, "facets", "quality");
    }

    private List<JsonNode> sample(String source) {
        try {
            return Json.list(catalog.datasets(source, SAMPLE, null), "items");
        } catch (WebApplicationException | ProcessingException e) {
            return List.of();
        }
    }
}
