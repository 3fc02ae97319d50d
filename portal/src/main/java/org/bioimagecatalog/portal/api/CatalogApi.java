package org.bioimagecatalog.portal.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/** The catalog-service's public reads: datasets, their history and JSON-LD, the archives, collections, wanted boards. */
@RegisterRestClient(configKey = "catalog")
@Path("/api/v1")
public interface CatalogApi {
    String SCHEMA_ORG = "application/ld+json";

    /** The raw answer: 200, or 301 (merged, {@code Location} names the survivor), 404, 410 (withdrawn). */
    @GET
    @Path("/datasets/{id}")
    @Produces("application/json")
    Uni<Response> dataset(@PathParam("id") String id);

    @GET
    @Path("/datasets/{id}")
    @Produces(SCHEMA_ORG)
    Uni<String> datasetJsonLd(@PathParam("id") String id);

    @GET
    @Path("/datasets/{id}/history")
    Uni<JsonNode> history(@PathParam("id") String id);

    @GET
    @Path("/datasets")
    @Produces("application/json")
    JsonNode datasets(@QueryParam("source") String source, @QueryParam("limit") int limit,
            @QueryParam("cursor") String cursor);

    @GET
    @Path("/sources")
    Uni<JsonNode> sources();

    /** How far the catalog speaks one vocabulary: per field the share with an id and the unresolved labels. */
    @GET
    @Path("/datasets/harmony")
    @Produces("application/json")
    Uni<JsonNode> harmony(@QueryParam("top") int top);

    /** The same over the datasets holding a record of one archive. */
    @GET
    @Path("/datasets/harmony")
    @Produces("application/json")
    Uni<JsonNode> harmony(@QueryParam("top") int top, @QueryParam("source") String source);

    @GET
    @Path("/collections")
    JsonNode collections(@QueryParam("cursor") String cursor, @QueryParam("limit") Integer limit);

    @GET
    @Path("/collections/{id}")
    @Produces("application/json")
    JsonNode collection(@PathParam("id") String id);

    @GET
    @Path("/wanted")
    JsonNode wanted(@QueryParam("kind") String kind, @QueryParam("status") String status,
            @QueryParam("sort") String sort, @QueryParam("cursor") String cursor);

    @GET
    @Path("/wanted/{id}")
    JsonNode wantedRequest(@PathParam("id") String id);

    /** Writes carry the signed-in user's API key; the API checks its role (401/403 problem+json otherwise). */
    @POST
    @Path("/wanted")
    @Consumes("application/json")
    JsonNode postWanted(@HeaderParam("Authorization") String authorization, JsonNode request);

    @PUT
    @Path("/wanted/{id}/vote")
    JsonNode vote(@HeaderParam("Authorization") String authorization, @PathParam("id") String id);

    /** Open, in progress or fulfilled (naming the dataset or pipeline); by the request's own poster or a curator. */
    @POST
    @Path("/wanted/{id}/status")
    @Consumes("application/json")
    JsonNode changeWantedStatus(@HeaderParam("Authorization") String authorization, @PathParam("id") String id,
            JsonNode change);

    @DELETE
    @Path("/wanted/{id}/vote")
    JsonNode unvote(@HeaderParam("Authorization") String authorization, @PathParam("id") String id);

    @POST
    @Path("/collections")
    @Consumes("application/json")
    JsonNode createCollection(@HeaderParam("Authorization") String authorization, JsonNode details);

    /** Replaces title, description and curator (a missing one is cleared, as the API documents). */
    @PUT
    @Path("/collections/{id}")
    @Consumes("application/json")
    JsonNode updateCollection(@HeaderParam("Authorization") String authorization, @PathParam("id") String id,
            JsonNode details);

    @DELETE
    @Path("/collections/{id}")
    void deleteCollection(@HeaderParam("Authorization") String authorization, @PathParam("id") String id);

    @POST
    @Path("/collections/{id}/datasets")
    @Consumes("application/json")
    JsonNode addToCollection(@HeaderParam("Authorization") String authorization, @PathParam("id") String id,
            JsonNode item);

    @DELETE
    @Path("/collections/{id}/datasets/{datasetId}")
    void removeFromCollection(@HeaderParam("Authorization") String authorization, @PathParam("id") String id,
            @PathParam("datasetId") String datasetId);
}
