package org.bioimagecatalog.portal.page;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateInstance;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedHashMap;
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

    @GET
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance home() {
        var all = Uni.combine().all().unis(
                DatasetPage.optional(catalog.sources()),
                DatasetPage.optional(search.search(sorted("newest"))),
                DatasetPage.optional(search.search(sorted("most-reused")))).asTuple().await().indefinitely();
        return home.data("sources", all.getItem1()).data("newest", all.getItem2()).data("mostReused", all.getItem3());
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
