package org.bioimagecatalog.security;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.bioimagecatalog.http.ProblemResponses;
import org.bioimagecatalog.model.api.Problem;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * Answers refused calls with problem+json in every service: 401 {@code …/problems/unauthorized} with
 * {@code WWW-Authenticate: Bearer} when no valid key came, 403 {@code …/problems/forbidden} when the key's
 * role does not allow the action.
 */
public class SecurityProblemMapper {
    private static final String NEED_KEY = "This action needs an API key, sent as 'Authorization: Bearer <key>'"
            + " or 'X-API-Key: <key>'.";

    @ServerExceptionMapper
    public Response unauthorized(UnauthorizedException e, UriInfo uri) {
        return unauthorized(uri, NEED_KEY);
    }

    @ServerExceptionMapper
    public Response authenticationFailed(AuthenticationFailedException e, UriInfo uri) {
        return unauthorized(uri, "The API key is unknown or has been revoked. " + NEED_KEY);
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e, UriInfo uri) {
        return ProblemResponses.respond(Problem.of("forbidden", "Forbidden", 403,
                "The API key's role does not allow this action."), uri.getPath());
    }

    private static Response unauthorized(UriInfo uri, String detail) {
        return ProblemResponses.builder(Problem.of("unauthorized", "Unauthorized", 401, detail), uri.getPath())
                .header("WWW-Authenticate", "Bearer")
                .build();
    }
}
