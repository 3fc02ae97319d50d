package org.bioimagecatalog.portal.community;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.bioimagecatalog.portal.api.CatalogApi;
import org.bioimagecatalog.portal.json.Json;
import org.bioimagecatalog.portal.page.LocalRedirect;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/**
 * The collections and the "most wanted" board as pages. Reading is public; posting, voting and adding to a collection
 * send the signed-in user's API key ({@link ApiKeyCookie}) and the API decides by its role, as for any client: its
 * refusal (401, 403, 400) is shown on the page in the API's words.
 */
@Path("/")
public class CommunityPages {
    private static final ObjectMapper JSON = new ObjectMapper();

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
    public String collections(@QueryParam("cursor") String cursor, @CookieParam(ApiKeyCookie.NAME) String key) {
        return collectionList(cursor, key, "");
    }

    /** A curator creates a collection from the page; its own page opens next, with the form to add datasets. */
    @POST
    @Path("collections")
    @Produces(MediaType.TEXT_HTML)
    public Response createCollection(@FormParam("title") String title, @FormParam("description") String description,
            @CookieParam(ApiKeyCookie.NAME) String key) {
        Optional<String> bearer = ApiKeyCookie.bearer(key);
        if (bearer.isEmpty()) {
            return LocalRedirect.seeOther("/signin?return=/collections").build();
        }
        ObjectNode details = JSON.createObjectNode().put("title", title == null ? "" : title.trim());
        if (description != null && !description.isBlank()) {
            details.put("description", description);
        }
        try {
            String id = Json.text(catalog.createCollection(bearer.get(), details), "id");
            return LocalRedirect.seeOther("/collections/" + URLEncoder.encode(id, StandardCharsets.UTF_8)).build();
        } catch (WebApplicationException e) {
            return Response.status(e.getResponse().getStatus()).type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
                    .entity(collectionList(null, key, refusal(e))).build();
        }
    }

    private String collectionList(String cursor, String key, String error) {
        return collections.data("page", catalog.collections(cursor, 50)).data("signedIn", key != null && !key.isBlank())
                .data("error", error).render();
    }

    @GET
    @Path("collections/{id}")
    @Produces(MediaType.TEXT_HTML)
    public Response collection(@PathParam("id") String id, @CookieParam(ApiKeyCookie.NAME) String key) {
        return showCollection(id, key, 200, "");
    }

    @POST
    @Path("collections/{id}/datasets")
    @Produces(MediaType.TEXT_HTML)
    public Response addToCollection(@PathParam("id") String id, @FormParam("datasetId") String datasetId,
            @FormParam("note") String note, @CookieParam(ApiKeyCookie.NAME) String key) {
        Optional<String> bearer = ApiKeyCookie.bearer(key);
        if (bearer.isEmpty()) {
            return LocalRedirect.seeOther("/signin?return=/collections/" + id).build();
        }
        ObjectNode item = JSON.createObjectNode().put("datasetId", datasetId == null ? "" : datasetId.trim());
        if (note != null && !note.isBlank()) {
            item.put("note", note);
        }
        try {
            catalog.addToCollection(bearer.get(), id, item);
            return LocalRedirect.seeOther("/collections/" + id).build();
        } catch (WebApplicationException e) {
            return showCollection(id, key, e.getResponse().getStatus(), refusal(e));
        }
    }

    private Response showCollection(String id, String key, int code, String error) {
        try {
            JsonNode c = catalog.collection(id);
            return Response.status(code).type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
                    .entity(collection.data("c", c).data("signedIn", key != null && !key.isBlank()).data("error", error)
                            .render()).build();
        } catch (WebApplicationException e) {
            int gone = e.getResponse().getStatus() == 410 ? 410 : e.getResponse().getStatus() == 404 ? 404 : 502;
            return Response.status(gone).type(MediaType.TEXT_HTML_TYPE).entity(status.data("status", gone)
                    .data("title", gone == 410 ? "Collection deleted" : "No such collection").data("id", id)
                    .data("detail", gone == 410 ? "Its curator deleted this collection." : "No collection has the id " + id + ".")
                    .render()).build();
        }
    }

    @GET
    @Path("wanted")
    @Produces(MediaType.TEXT_HTML)
    public String wanted(@QueryParam("kind") String kind, @QueryParam("status") String state,
            @QueryParam("cursor") String cursor, @CookieParam(ApiKeyCookie.NAME) String key) {
        return board(kind, state, cursor, key, "");
    }

    @POST
    @Path("wanted")
    @Produces(MediaType.TEXT_HTML)
    public Response post(@FormParam("kind") String kind, @FormParam("title") String title,
            @FormParam("description") String description, @FormParam("tags") String tags,
            @CookieParam(ApiKeyCookie.NAME) String key) {
        Optional<String> bearer = ApiKeyCookie.bearer(key);
        if (bearer.isEmpty()) {
            return LocalRedirect.seeOther("/signin?return=/wanted").build();
        }
        ObjectNode request = JSON.createObjectNode().put("kind", kind).put("title", title);
        if (description != null && !description.isBlank()) {
            request.put("description", description);
        }
        ArrayNode tagList = request.putArray("tags");
        if (tags != null) {
            for (String tag : tags.split(",")) {
                if (!tag.isBlank()) {
                    tagList.add(tag.trim());
                }
            }
        }
        try {
            catalog.postWanted(bearer.get(), request);
            return LocalRedirect.seeOther("/wanted?sort=newest").build();
        } catch (WebApplicationException e) {
            return Response.status(e.getResponse().getStatus()).type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
                    .entity(board(null, null, null, key, refusal(e))).build();
        }
    }

    @POST
    @Path("wanted/{id}/vote")
    @Produces(MediaType.TEXT_HTML)
    public Response vote(@PathParam("id") String id, @CookieParam(ApiKeyCookie.NAME) String key) {
        Optional<String> bearer = ApiKeyCookie.bearer(key);
        if (bearer.isEmpty()) {
            return LocalRedirect.seeOther("/signin?return=/wanted").build();
        }
        try {
            catalog.vote(bearer.get(), id);
            return LocalRedirect.seeOther("/wanted").build();
        } catch (WebApplicationException e) {
            return Response.status(e.getResponse().getStatus()).type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
                    .entity(board(null, null, null, key, refusal(e))).build();
        }
    }

    private String board(String kind, String state, String cursor, String key, String error) {
        return wanted.data("page", catalog.wanted(blank(kind), blank(state), "votes", cursor))
                .data("kind", kind == null ? "" : kind).data("state", state == null ? "" : state)
                .data("signedIn", key != null && !key.isBlank()).data("error", error).render();
    }

    /** The API's reason for refusing a write (its problem+json detail), in words for the page. */
    private static String refusal(WebApplicationException e) {
        int status = e.getResponse().getStatus();
        String detail;
        try {
            detail = Json.text(e.getResponse().readEntity(JsonNode.class), "detail");
        } catch (RuntimeException notJson) {
            detail = "";
        }
        String why = status == 401 ? "The API did not accept your API key." : status == 403
                ? "Your API key's role does not allow this." : "The API refused this.";
        return detail.isEmpty() ? why : why + " " + detail;
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
