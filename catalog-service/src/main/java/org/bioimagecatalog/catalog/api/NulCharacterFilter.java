package org.bioimagecatalog.catalog.api;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Map;
import org.bioimagecatalog.http.ProblemResponses;
import org.bioimagecatalog.model.api.Problem;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * PostgreSQL text cannot hold a NUL character: a path or query parameter with one ({@code %00}) is refused here
 * with a 400 naming the parameter, instead of failing as an SQL error (a 500) further down.
 */
public class NulCharacterFilter {

    @ServerRequestFilter
    public Response refuseNul(ContainerRequestContext request) {
        String field = withNul(request.getUriInfo().getPathParameters());
        if (field == null) {
            field = withNul(request.getUriInfo().getQueryParameters());
        }
        if (field == null) {
            return null;
        }
        return ProblemResponses.respond(ProblemResponses.invalidRequest("the request has invalid values",
                List.of(new Problem.FieldError(field, "must not contain a NUL character (%00)"))),
                request.getUriInfo().getPath());
    }

    private static String withNul(MultivaluedMap<String, String> parameters) {
        for (Map.Entry<String, List<String>> p : parameters.entrySet()) {
            if (p.getKey().indexOf('\0') >= 0 || p.getValue().stream().anyMatch(v -> v != null && v.indexOf('\0') >= 0)) {
                return p.getKey();
            }
        }
        return null;
    }
}
