package org.bioimagecatalog.portal.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/** The harvester's public reads: configured sources with their last run, and the runs with their rejects. */
@RegisterRestClient(configKey = "harvester")
@Path("/api/v1/harvest")
public interface HarvesterApi {

    @GET
    @Path("/sources")
    Uni<JsonNode> sources();

    @GET
    @Path("/runs")
    Uni<JsonNode> runs(@QueryParam("limit") int limit);

    /** One run; its errors only for an admin's key (the list leaves them out). */
    @GET
    @Path("/runs/{id}")
    JsonNode run(@PathParam("id") String id, @HeaderParam("Authorization") String authorization);
}
