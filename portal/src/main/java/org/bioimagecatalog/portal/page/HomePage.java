package org.bioimagecatalog.portal.page;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedHashMap;
import jakarta.ws.rs.core.Response;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;
import org.bioimagecatalog.portal.api.ApiFailure;
import org.bioimagecatalog.portal.api.CatalogApi;
import org.bioimagecatalog.portal.api.SearchApi;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/** {@code /}: the search box, what each archive holds, the newest and the most reused datasets. */
@Path("/")
public class HomePage {
    private final CatalogApi catalog;
    private final SearchApi search;
    private final Template home;

    HomePage(@RestClient CatalogApi catalog, @RestClient SearchApi search, @Location("home.html") Template home) {
        this.catalog = catalog;
        this.search = search;
        this.home = home;
    }

    /**
     * Each part of the page is optional: a part whose call failed is left out and the page says that part is missing.
     * When every call failed the page is only its search box: 503 with {@code Retry-After}, like any read page whose
     * API is away.
     */
    @GET
    @Produces(MediaType.TEXT_HTML)
    public Response home() {
        var all = Uni.combine().all().unis(
                DatasetPage.optional(catalog.sources()),
                DatasetPage.optional(search.search(sorted("newest"))),
                DatasetPage.optional(search.search(sorted("most-reused")))).asTuple().await().indefinitely();
        long failed = Stream.of(all.getItem1(), all.getItem2(), all.getItem3()).filter(Objects::isNull).count();
        Response.ResponseBuilder page = Response.status(failed == 3 ? 503 : 200)
                .type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
                .entity(home.data("sources", all.getItem1()).data("newest", all.getItem2())
                        .data("mostReused", all.getItem3()).data("unavailable", failed > 0 ? ApiFailure.NOT_ANSWERING : "")
                        .data("missing", Map.of("sources", all.getItem1() == null, "newest", all.getItem2() == null,
                                "mostReused", all.getItem3() == null))
                        .render());
        if (failed == 3) {
            page.header("Retry-After", ApiFailure.RETRY_AFTER_SECONDS);
        }
        return page.build();
    }

    private static MultivaluedHashMap<String, String> sorted(String sort) {
        MultivaluedHashMap<String, String> params = new MultivaluedHashMap<>();
        params.putSingle("sort", sort);
        params.putSingle("size", "5");
        return params;
    }

    /** Used by the most-reused list: only datasets someone reused. */
    static boolean reused(JsonNode hit) {
        return hit.path("reuseCount").asInt(0) > 0;
    }
}
