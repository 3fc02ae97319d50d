package org.bioimagecatalog.portal.sitemap;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import java.util.ArrayList;
import java.util.List;
import org.bioimagecatalog.portal.api.CatalogApi;
import org.bioimagecatalog.portal.json.Json;
import org.bioimagecatalog.portal.page.PublicBase;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/**
 * {@code /sitemap.xml}, a sitemap index, and {@code /sitemaps/datasets-N.xml}, one page of landing pages each, and
 * {@code /robots.txt} pointing at it. The pages follow the catalog's own keyset paging (see {@link SitemapCursors}).
 */
@Path("/")
public class SitemapPages {
    private final CatalogApi catalog;
    private final SitemapCursors cursors;
    private final Template index;
    private final Template urls;
    private final int pageSize;

    SitemapPages(@RestClient CatalogApi catalog, SitemapCursors cursors, @Location("sitemap-index.xml") Template index,
            @Location("sitemap.xml") Template urls, @ConfigProperty(name = "bic.portal.sitemap-page-size") int pageSize) {
        this.catalog = catalog;
        this.cursors = cursors;
        this.index = index;
        this.urls = urls;
        this.pageSize = pageSize;
    }

    @GET
    @Path("sitemap.xml")
    @Produces("application/xml")
    public String index(@Context HttpHeaders headers) {
        int pages = Math.max(1, cursors.starts().size());
        List<Integer> numbers = new ArrayList<>();
        for (int i = 1; i <= pages; i++) {
            numbers.add(i);
        }
        return index.data("base", PublicBase.of(headers)).data("pages", numbers).render();
    }

    @GET
    @Path("sitemaps/datasets-{n}.xml")
    @Produces("application/xml")
    public String page(@PathParam("n") int n, @Context HttpHeaders headers) {
        List<String> starts = cursors.starts();
        if (n < 1 || n > Math.max(1, starts.size())) {
            throw new NotFoundException();
        }
        String cursor = starts.isEmpty() ? null : starts.get(n - 1);
        List<JsonNode> datasets = new ArrayList<>();
        while (datasets.size() < pageSize) {
            JsonNode page = catalog.datasets(null, Math.min(SitemapCursors.READ, pageSize - datasets.size()), cursor);
            datasets.addAll(Json.list(page, "items"));
            cursor = Json.text(page, "next");
            if (cursor.isEmpty()) {
                break;
            }
        }
        return urls.data("base", PublicBase.of(headers)).data("datasets", datasets).render();
    }

    @GET
    @Path("robots.txt")
    @Produces("text/plain")
    public String robots(@Context HttpHeaders headers) {
        return "User-agent: *\nAllow: /\nDisallow: /search\nDisallow: /search.atom\nDisallow: /api/\n\nSitemap: "
                + PublicBase.of(headers) + "/sitemap.xml\n";
    }
}
