package org.bioimagecatalog.portal.page;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.UriInfo;
import java.time.Instant;
import java.util.List;
import org.bioimagecatalog.portal.api.ApiFailure;
import org.bioimagecatalog.portal.api.SearchApi;
import org.bioimagecatalog.portal.json.Json;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/** {@code /search}: the search API's answer as a page, and the same search as an Atom feed of its newest matches. */
@Path("/")
public class SearchPage {
    static final String ATOM = "application/atom+xml";

    private final SearchApi search;
    private final Template page;
    private final Template feed;

    SearchPage(@RestClient SearchApi search, @Location("search.html") Template page, @Location("search-atom.xml") Template feed) {
        this.search = search;
        this.page = page;
        this.feed = feed;
    }

    @GET
    @Path("search")
    @Produces(MediaType.TEXT_HTML)
    public Response search(@Context UriInfo uri) {
        SearchQuery query = SearchQuery.of(uri.getRequestUri().getRawQuery());
        JsonNode result;
        try {
            result = search.search(query.apiParameters()).await().indefinitely();
        } catch (RuntimeException e) {
            if (!ApiFailure.is(e)) {
                throw e;
            }
            if (e instanceof WebApplicationException refused && refused.getResponse().getStatus() < 500) {
                // the API's own words for a bad filter (problem+json detail), shown with the form to fix it
                return failed(query, 400, problemDetail(refused)).build();
            }
            // the search service is away: the page says so, with the form to try again
            ApiFailure failure = ApiFailure.of(e);
            return failed(query, failure.status(), failure.message())
                    .header("Retry-After", failure.retryAfterSeconds()).build();
        }
        List<SearchFacets.Facet> facets = SearchFacets.of(result.path("facets"), query);
        return Response.ok(page.data("query", query).data("result", result).data("facets", facets)
                .data("chips", SearchFacets.chips(query, facets))
                .data("relaxation", SearchFacets.relaxation(result)).data("didYouMean", SearchFacets.didYouMean(result))
                .data("error", "").render(), MediaType.TEXT_HTML_TYPE.withCharset("UTF-8")).build();
    }

    private Response.ResponseBuilder failed(SearchQuery query, int status, String error) {
        return Response.status(status).type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
                .entity(page.data("query", query).data("result", null).data("facets", List.of()).data("chips", List.of())
                        .data("error", error).data("relaxation", "").data("didYouMean", List.of()).render());
    }

    @GET
    @Path("search.atom")
    @Produces(ATOM)
    public Response atom(@Context UriInfo uri, @Context HttpHeaders headers) {
        String raw = uri.getRequestUri().getRawQuery();
        SearchQuery query = SearchQuery.of(raw);
        MultivaluedMap<String, String> params = query.apiParameters();
        params.remove("cursor");
        params.putSingle("sort", "newest");
        params.putSingle("size", "50");
        JsonNode result = search.search(params).await().indefinitely();
        String base = PublicBase.of(headers);
        String updated = Json.list(result, "items").stream().map(h -> Json.text(h, "released")).filter(s -> !s.isEmpty())
                .max(String::compareTo).map(d -> d + "T00:00:00Z").orElse(Instant.EPOCH.toString());
        return Response.ok(feed.data("query", query).data("result", result).data("base", base)
                .data("self", base + "/search.atom" + (raw == null ? "" : "?" + raw)).data("updated", updated).render(),
                ATOM + "; charset=UTF-8")
                .build();
    }

    static String problemDetail(WebApplicationException e) {
        try {
            JsonNode problem = e.getResponse().readEntity(JsonNode.class);
            String detail = Json.text(problem, "detail");
            return detail.isEmpty() ? "The search service could not answer." : detail;
        } catch (RuntimeException notJson) {
            return "The search service could not answer.";
        }
    }
}
