package org.bioimagecatalog.portal.community;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Map;
import java.util.function.Consumer;
import org.bioimagecatalog.portal.api.ApiFailure;
import org.bioimagecatalog.portal.api.CatalogApi;
import org.bioimagecatalog.portal.json.Json;
import org.bioimagecatalog.portal.page.ApiFailurePages;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/**
 * The collections as pages. Reading is public. A signed-in reader creates a collection, edits its title, description
 * and curator, adds and removes datasets and deletes it, with plain HTML forms (post, then a 303 to the page: no
 * JavaScript). Each write goes to the public API with the reader's credential ({@link ApiKeyCookie}); the API decides
 * by its role (curator), and its refusal is shown on the page ({@link ApiRefusal}) with its status.
 */
@Path("/")
public class CollectionPages {
    static final String ROLE = "curator";
    private static final ObjectMapper JSON = new ObjectMapper();
    /** What a redirect after a successful write says on the page it lands on: fixed texts, never echoed input. */
    private static final Map<String, String> DONE = Map.of("created", "Collection created.", "updated",
            "Title and description saved.", "added", "Dataset added.", "removed", "Dataset removed.", "deleted",
            "The collection was deleted; its address now answers that it is gone.");

    private final CatalogApi catalog;
    private final Template list;
    private final Template page;
    private final Template status;
    private final ApiFailurePages failures;

    CollectionPages(@RestClient CatalogApi catalog, @Location("collections.html") Template list,
            @Location("collection.html") Template page, @Location("status.html") Template status,
            ApiFailurePages failures) {
        this.catalog = catalog;
        this.list = list;
        this.page = page;
        this.status = status;
        this.failures = failures;
    }

    @GET
    @Path("collections")
    @Produces(MediaType.TEXT_HTML)
    public String collections(@QueryParam("cursor") String cursor, @QueryParam("done") String done,
            @CookieParam(ApiKeyCookie.NAME) String key) {
        return listPage(cursor, key, Forms.notice(DONE, done), "", Map.of());
    }

    @POST
    @Path("collections")
    @Produces(MediaType.TEXT_HTML)
    public Response create(@FormParam("title") String title, @FormParam("description") String description,
            @CookieParam(ApiKeyCookie.NAME) String key) {
        Map<String, String> entered = Map.of("title", Forms.orEmpty(title), "description", Forms.orEmpty(description));
        return Forms.send(key, "/collections", ROLE, bearer -> Forms.landing(Forms.path("collections",
                Json.text(catalog.createCollection(bearer, details(title, description, null)), "id")), "created"),
                refusal -> Forms.html(refusal.status(), listPage(null, key, "", refusal.message(), entered)));
    }

    @GET
    @Path("collections/{id}")
    @Produces(MediaType.TEXT_HTML)
    public Response collection(@PathParam("id") String id, @QueryParam("done") String done,
            @CookieParam(ApiKeyCookie.NAME) String key) {
        return collectionPage(id, key, 200, Forms.notice(DONE, done), "", Map.of());
    }

    /** The edit form: the API's PUT replaces title, description and curator together. */
    @POST
    @Path("collections/{id}")
    @Produces(MediaType.TEXT_HTML)
    public Response update(@PathParam("id") String id, @FormParam("title") String title,
            @FormParam("description") String description, @FormParam("curator") String curator,
            @CookieParam(ApiKeyCookie.NAME) String key) {
        String here = Forms.path("collections", id);
        Map<String, String> entered = Map.of("title", Forms.orEmpty(title), "description", Forms.orEmpty(description),
                "curator", Forms.orEmpty(curator));
        return write(id, key, here, "updated", entered,
                bearer -> catalog.updateCollection(bearer, id, details(title, description, curator)));
    }

    @POST
    @Path("collections/{id}/delete")
    @Produces(MediaType.TEXT_HTML)
    public Response delete(@PathParam("id") String id, @FormParam("confirm") String confirm,
            @CookieParam(ApiKeyCookie.NAME) String key) {
        if (ApiKeyCookie.bearer(key).isPresent() && !"yes".equals(confirm)) {
            return collectionPage(id, key, 422, "", "Tick the box to confirm that the collection is to be deleted.",
                    Map.of());
        }
        return write(id, key, "/collections", "deleted", Map.of(), bearer -> catalog.deleteCollection(bearer, id));
    }

    @POST
    @Path("collections/{id}/datasets")
    @Produces(MediaType.TEXT_HTML)
    public Response add(@PathParam("id") String id, @FormParam("datasetId") String datasetId,
            @FormParam("note") String note, @CookieParam(ApiKeyCookie.NAME) String key) {
        ObjectNode item = JSON.createObjectNode().put("datasetId", Forms.orEmpty(datasetId).strip());
        if (note != null && !note.isBlank()) {
            item.put("note", note.strip());
        }
        Map<String, String> entered = Map.of("datasetId", Forms.orEmpty(datasetId), "note", Forms.orEmpty(note));
        return write(id, key, Forms.path("collections", id), "added", entered,
                bearer -> catalog.addToCollection(bearer, id, item));
    }

    @POST
    @Path("collections/{id}/datasets/{datasetId}/remove")
    @Produces(MediaType.TEXT_HTML)
    public Response remove(@PathParam("id") String id, @PathParam("datasetId") String datasetId,
            @CookieParam(ApiKeyCookie.NAME) String key) {
        return write(id, key, Forms.path("collections", id), "removed", Map.of(),
                bearer -> catalog.removeFromCollection(bearer, id, datasetId));
    }

    /** One write to the collection: 303 to {@code landing}, or its page with the API's refusal and the input. */
    private Response write(String id, String key, String landing, String done, Map<String, String> entered,
            Consumer<String> call) {
        return Forms.send(key, Forms.path("collections", id), ROLE, bearer -> {
            call.accept(bearer);
            return Forms.landing(landing, done);
        }, refusal -> collectionPage(id, key, refusal.status(), "", refusal.message(), entered));
    }

    private static ObjectNode details(String title, String description, String curator) {
        ObjectNode details = JSON.createObjectNode().put("title", Forms.orEmpty(title).strip());
        if (description != null && !description.isBlank()) {
            details.put("description", description.strip());
        }
        if (curator != null && !curator.isBlank()) {
            details.put("curator", curator.strip());
        }
        return details;
    }

    private String listPage(String cursor, String key, String notice, String error, Map<String, String> entered) {
        return list.data("page", catalog.collections(cursor, 50)).data("signedIn", ApiKeyCookie.signedIn(key))
                .data("notice", notice).data("error", error).data("entered", entered).render();
    }

    private Response collectionPage(String id, String key, int code, String notice, String error,
            Map<String, String> entered) {
        JsonNode c;
        try {
            c = catalog.collection(id);
        } catch (WebApplicationException | ProcessingException e) {
            ApiFailure failure = ApiFailure.of(e);
            return failure.status() == 404 || failure.status() == 410 ? missing(id, failure.status())
                    : failures.page(failure);
        }
        return Forms.html(code, page.data("c", c).data("signedIn", ApiKeyCookie.signedIn(key)).data("notice", notice)
                .data("error", error).data("entered", entered).render());
    }

    /** The collection cannot be shown: deleted (410) or unknown (404). */
    private Response missing(String id, int code) {
        String title = code == 410 ? "Collection deleted" : "No such collection";
        String detail = code == 410 ? "Its curator deleted this collection." : "No collection has the id " + id + ".";
        return Forms.html(code, status.data("status", code).data("title", title).data("detail", detail).render());
    }
}
