package org.bioimagecatalog.portal.community;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Map;
import java.util.function.Consumer;
import org.bioimagecatalog.portal.api.CatalogApi;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/**
 * The "most wanted" board as a page. Reading is public; a signed-in reader posts a request, votes and withdraws a
 * vote with plain HTML forms (post, then a 303 back to the board). Each write goes to the public API with the
 * reader's credential ({@link ApiKeyCookie}); the API decides by its role (submitter), and its refusal is shown on
 * the board ({@link ApiRefusal}) with its status.
 */
@Path("/")
public class WantedBoard {
    static final String ROLE = "submitter";
    static final String STATUS_ROLE = "the key or account that posted the request, or curator";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Map<String, String> DONE = Map.of("posted", "Your request is on the board.", "voted",
            "Your vote is counted.", "unvoted", "Your vote is withdrawn.", "status", "The request's status is changed.");

    private final CatalogApi catalog;
    private final Template wanted;

    WantedBoard(@RestClient CatalogApi catalog, @Location("wanted.html") Template wanted) {
        this.catalog = catalog;
        this.wanted = wanted;
    }

    @GET
    @Path("wanted")
    @Produces(MediaType.TEXT_HTML)
    public String board(@QueryParam("kind") String kind, @QueryParam("status") String state,
            @QueryParam("cursor") String cursor, @QueryParam("done") String done,
            @CookieParam(ApiKeyCookie.NAME) String key) {
        return page(kind, state, cursor, key, Forms.notice(DONE, done), "", Map.of());
    }

    @POST
    @Path("wanted")
    @Produces(MediaType.TEXT_HTML)
    public Response post(@FormParam("kind") String kind, @FormParam("title") String title,
            @FormParam("description") String description, @FormParam("tags") String tags,
            @CookieParam(ApiKeyCookie.NAME) String key) {
        ObjectNode request = JSON.createObjectNode().put("kind", Forms.orEmpty(kind)).put("title", Forms.orEmpty(title));
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
        Map<String, String> entered = Map.of("kind", Forms.orEmpty(kind), "title", Forms.orEmpty(title),
                "description", Forms.orEmpty(description), "tags", Forms.orEmpty(tags));
        return write(key, "posted", entered, bearer -> catalog.postWanted(bearer, request));
    }

    @POST
    @Path("wanted/{id}/vote")
    @Produces(MediaType.TEXT_HTML)
    public Response vote(@PathParam("id") String id, @CookieParam(ApiKeyCookie.NAME) String key) {
        return write(key, "voted", Map.of(), bearer -> catalog.vote(bearer, id));
    }

    @POST
    @Path("wanted/{id}/unvote")
    @Produces(MediaType.TEXT_HTML)
    public Response unvote(@PathParam("id") String id, @CookieParam(ApiKeyCookie.NAME) String key) {
        return write(key, "unvoted", Map.of(), bearer -> catalog.unvote(bearer, id));
    }

    /**
     * A request's new status; "fulfilled" names what fulfils it in one field, sent as the dataset for a dataset
     * request and as the link for a pipeline request, as the API asks.
     */
    @POST
    @Path("wanted/{id}/status")
    @Produces(MediaType.TEXT_HTML)
    public Response status(@PathParam("id") String id, @FormParam("kind") String kind,
            @FormParam("status") String state, @FormParam("fulfilledBy") String fulfilledBy,
            @CookieParam(ApiKeyCookie.NAME) String key) {
        ObjectNode change = JSON.createObjectNode().put("status", Forms.orEmpty(state));
        if ("fulfilled".equals(state) && fulfilledBy != null && !fulfilledBy.isBlank()) {
            change.put("pipeline".equals(kind) ? "fulfilledByUrl" : "fulfilledByDataset", fulfilledBy.strip());
        }
        return write(key, STATUS_ROLE, "status", Map.of(),
                bearer -> catalog.changeWantedStatus(bearer, id, change));
    }

    private Response write(String key, String done, Map<String, String> entered, Consumer<String> call) {
        return write(key, ROLE, done, entered, call);
    }

    private Response write(String key, String role, String done, Map<String, String> entered, Consumer<String> call) {
        return Forms.send(key, "/wanted", role, bearer -> {
            call.accept(bearer);
            return Forms.landing("/wanted", done);
        }, refusal -> Forms.html(refusal.status(), page(null, null, null, key, "", refusal.message(), entered)));
    }

    private String page(String kind, String state, String cursor, String key, String notice, String error,
            Map<String, String> entered) {
        return wanted.data("page", catalog.wanted(blank(kind), blank(state), "votes", cursor))
                .data("kind", kind == null ? "" : kind).data("state", state == null ? "" : state)
                .data("signedIn", ApiKeyCookie.signedIn(key)).data("notice", notice).data("error", error)
                .data("entered", entered).render();
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
