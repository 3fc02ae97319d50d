package org.bioimagecatalog.portal.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/** The reuse-tracker's public reports. */
@RegisterRestClient(configKey = "reuse")
@Path("/api/v1/reuse")
public interface ReuseApi {

    @GET
    @Path("/datasets/{id}")
    Uni<JsonNode> dataset(@PathParam("id") String id);

    @GET
    @Path("/producers/{orcid}")
    JsonNode producer(@PathParam("orcid") String orcid);

    @GET
    @Path("/repositories/{source}")
    JsonNode repository(@PathParam("source") String source, @QueryParam("limit") Integer limit);
}
