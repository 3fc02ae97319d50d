package org.bioimagecatalog.harvester.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.Optional;
import org.bioimagecatalog.harvester.run.HarvestRequestException;
import org.bioimagecatalog.model.api.EngineUnavailable;
import org.bioimagecatalog.model.api.Problem;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * The one place errors become responses: every failure is an RFC 9457 {@code application/problem+json} body
 * with a {@code type} per kind of error, and never a stack trace.
 */
public class ProblemMapper {
    private static final Logger LOG = Logger.getLogger(ProblemMapper.class);

    @ServerExceptionMapper
    public Response refused(HarvestRequestException e, UriInfo uri) {
        return problem(Problem.of(e.kind(), e.title(), e.status(), e.getMessage()), uri);
    }

    @ServerExceptionMapper
    public Response unreadableJson(JsonProcessingException e, UriInfo uri) {
        return badJson(e, uri);
    }

    /** Named separately: Quarkus ships its own mapper for this subtype, and ours must win. */
    @ServerExceptionMapper
    public Response mismatchedJson(MismatchedInputException e, UriInfo uri) {
        return badJson(e, uri);
    }

    @ServerExceptionMapper
    public Response http(WebApplicationException e, UriInfo uri) {
        if (e.getCause() instanceof JsonProcessingException json) {
            return badJson(json, uri); // Quarkus wraps body parse errors in a 400 WebApplicationException
        }
        int status = e.getResponse().getStatus();
        Response.Status known = Response.Status.fromStatusCode(status);
        String title = known == null ? "HTTP " + status : known.getReasonPhrase();
        String kind = switch (status) {
            case 404 -> "not-found";
            case 405 -> "method-not-allowed";
            case 406 -> "not-acceptable";
            case 415 -> "unsupported-media-type";
            default -> status >= 500 ? "internal-error" : "invalid-request";
        };
        String detail = status == 404 ? "no resource at " + uri.getPath() : e.getMessage();
        return problem(Problem.of(kind, title, status, detail), uri);
    }

    @ServerExceptionMapper
    public Response unexpected(Exception e, UriInfo uri) {
        Optional<String> away = EngineUnavailable.engine(e);
        if (away.isPresent()) {
            // an engine restarting is no bug of ours: 503 and when to try again, without a stack trace in the log
            LOG.warnf("%s unavailable on %s: %s", away.get(), uri.getPath(), e.getMessage());
            return Response.fromResponse(problem(EngineUnavailable.problem(away.get()), uri))
                    .header("Retry-After", EngineUnavailable.RETRY_AFTER_SECONDS).build();
        }
        LOG.errorf(e, "unexpected error on %s", uri.getPath());
        return problem(Problem.of("internal-error", "Internal error", 500,
                "the harvester could not handle this request; the error is in its log"), uri);
    }

    private static Response badJson(JsonProcessingException e, UriInfo uri) {
        return problem(Problem.of("invalid-request", "Invalid request", 400,
                "the body is not the JSON this endpoint expects: " + e.getOriginalMessage()), uri);
    }

    private static Response problem(Problem problem, UriInfo uri) {
        return Response.status(problem.status())
                .type(Problem.MEDIA_TYPE)
                .entity(problem.withInstance(uri.getPath()))
                .build();
    }
}
