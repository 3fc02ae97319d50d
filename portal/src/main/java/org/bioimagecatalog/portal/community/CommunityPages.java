package org.bioimagecatalog.portal.community;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.bioimagecatalog.portal.api.CatalogApi;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/** The collections and the "most wanted" board as pages (reading: public, as in the API). */
@Path("/")
public class CommunityPages {
    private final CatalogApi catalog;
    private final Template collections;
    private final Template collection;
    private final Template wanted;
    private final Template status;

    CommunityPages(@RestClient CatalogApi catalog, @Location("collections.html") Template collections,
            @Location("collection.html") Template collection, @Location("wanted.html") Template wanted,
            @Location("status.html") Template status) {
        this.catalog = catalog;
        this.collections = collections;
        this.collection = collection;
        this.wanted = wanted;
        this.status = status;
    }

    @GET
    @Path("collections")
    @Produces(MediaType.TEXT_HTML)
    public String collections(@QueryParam("cursor") String cursor) {
        return collections.data("page", catalog.collections(cursor, 50)).render();
    }

    @GET
    @Path("collections/{id}")
    @Produces(MediaType.TEXT_HTML)
    public Response collection(@PathParam("id") String id) {
        try {
            JsonNode c = catalog.collection(id);
            return Response.ok(collection.data("c", c).render(), MediaType.TEXT_HTML_TYPE.withCharset("UTF-8")).build();
        } catch (WebApplicationException e) {
            int code = e.getResponse().getStatus() == 410 ? 410 : e.getResponse().getStatus() == 404 ? 404 : 502;
            return Response.status(code).type(MediaType.TEXT_HTML_TYPE).entity(status.data("status", code)
                    .data("title", code == 410 ? "Collection deleted" : "No such collection").data("id", id)
                    .data("detail", code == 410 ? "Its curator deleted this collection." : "No collection has the id " + id + ".")
                    .render()).build();
        }
    }

    @GET
    @Path("wanted")
    @Produces(MediaType.TEXT_HTML)
    public String wanted(@QueryParam("kind") String kind, @QueryParam("status") String state,
            @QueryParam("cursor") String cursor) {
        return wanted.data("page", catalog.wanted(blank(kind), blank(state), "votes", cursor))
                .data("kind", kind == null ? "" : kind).data("state", state == null ? "" : state).render();
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
