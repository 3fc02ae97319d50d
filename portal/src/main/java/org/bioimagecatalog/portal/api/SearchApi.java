package org.bioimagecatalog.portal.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MultivaluedMap;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;
import org.jboss.resteasy.reactive.RestQuery;

/** The search-service's public reads. */
@RegisterRestClient(configKey = "search")
@Path("/api/v1/search")
public interface SearchApi {

    /** {@code params}: the API's own parameters (q, the filters, sort, size, cursor), passed as given. */
    @GET
    Uni<JsonNode> search(@RestQuery MultivaluedMap<String, String> params);

    @GET
    @Path("/similar/{id}")
    Uni<JsonNode> similar(@PathParam("id") String id, @QueryParam("size") int size);
}
