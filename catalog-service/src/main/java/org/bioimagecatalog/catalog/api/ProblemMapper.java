package org.bioimagecatalog.catalog.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.bioimagecatalog.catalog.CatalogException;
import org.bioimagecatalog.catalog.InvalidFieldException;
import org.bioimagecatalog.catalog.dataset.DatasetMovedException;
import org.bioimagecatalog.model.ModelJson;
import org.bioimagecatalog.model.api.EngineUnavailable;
import org.bioimagecatalog.model.api.Problem;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * The one place where failures become HTTP responses: every error is an RFC 9457 problem+json with a
 * {@code type} per kind, and never carries a stack trace (an unexpected error is logged with an id that
 * the response quotes).
 */
public class ProblemMapper {
    private static final Logger LOG = Logger.getLogger(ProblemMapper.class);

    @ServerExceptionMapper
    public Response catalog(CatalogException e, UriInfo uri) {
        Problem problem = Problem.of(e.kind(), e.title(), e.status(), e.getMessage());
        if (e instanceof InvalidFieldException invalid) {
            // the offending field or parameter, machine-readable, as for bean-validation errors
            problem = problem.withErrors(List.of(new Problem.FieldError(invalid.parameter(), invalid.reason())));
        }
        return respond(problem, uri);
    }

    /** A merged dataset: 301 with the survivor in {@code Location}, and a problem saying so for humans. */
    @ServerExceptionMapper
    public Response moved(DatasetMovedException e, UriInfo uri) {
        Problem problem = Problem.of(e.kind(), e.title(), e.status(), e.getMessage()).withInstance(uri.getPath());
        return Response.status(e.status())
                .location(uri.getBaseUriBuilder().path("api/v1/datasets").path(e.survivor()).build())
                .type(Problem.MEDIA_TYPE)
                .entity(ModelJson.write(problem))
                .build();
    }

    @ServerExceptionMapper
    public Response validation(ConstraintViolationException e, UriInfo uri) {
        List<Problem.FieldError> errors = e.getConstraintViolations().stream()
                .map(v -> new Problem.FieldError(lastNode(v.getPropertyPath().toString()), v.getMessage()))
                .toList();
        return respond(Problem.of("invalid-request", "Invalid parameter", 400, "the request has invalid values")
                .withErrors(errors), uri);
    }

    /** A body that is not JSON, or not of the expected shape ({@code []} for an object, a number for a list). */
    @ServerExceptionMapper
    public Response unreadableJson(JsonProcessingException e, UriInfo uri) {
        return badJson(e, uri);
    }

    /** Named separately: Quarkus ships its own (bodiless 400) mapper for this subtype, and ours must win. */
    @ServerExceptionMapper
    public Response mismatchedJson(MismatchedInputException e, UriInfo uri) {
        return badJson(e, uri);
    }

    /** Framework errors: unknown path (404), wrong method (405), unacceptable media type (406) … */
    @ServerExceptionMapper
    public Response web(WebApplicationException e, UriInfo uri) {
        if (e.getCause() instanceof JsonProcessingException json) {
            return badJson(json, uri); // Quarkus wraps body parse errors in a 400 WebApplicationException
        }
        Response.StatusType status = e.getResponse().getStatusInfo();
        String kind = status.getReasonPhrase() == null ? "http-" + status.getStatusCode()
                : status.getReasonPhrase().toLowerCase(Locale.ROOT).replace(' ', '-');
        String detail = status.getStatusCode() == 404 ? "no resource at this path" : e.getMessage();
        return respond(Problem.of(kind, status.getReasonPhrase(), status.getStatusCode(), detail), uri);
    }

    @ServerExceptionMapper
    public Response unexpected(Throwable e, UriInfo uri) {
        Optional<String> away = EngineUnavailable.engine(e);
        if (away.isPresent()) {
            // an engine restarting is no bug of ours: 503 and when to try again
            LOG.warnf("%s unavailable on %s: %s", away.get(), uri.getPath(), e.getMessage());
            return Response.fromResponse(respond(EngineUnavailable.problem(away.get()), uri))
                    .header("Retry-After", EngineUnavailable.RETRY_AFTER_SECONDS).build();
        }
        String incident = UUID.randomUUID().toString();
        LOG.errorf(e, "unexpected error %s on %s", incident, uri.getPath());
        return respond(Problem.of("internal-error", "Internal error", 500,
                "an unexpected error occurred; quote incident " + incident + " when reporting it"), uri);
    }

    private static Response badJson(JsonProcessingException e, UriInfo uri) {
        return respond(Problem.of("invalid-body", "Invalid body", 400,
                "the body is not the JSON this endpoint expects: " + e.getOriginalMessage()), uri);
    }

    private static Response respond(Problem problem, UriInfo uri) {
        // written with ModelJson rather than left to content negotiation: a problem is problem+json even
        // when the client asked for something else
        return Response.status(problem.status())
                .type(Problem.MEDIA_TYPE)
                .entity(ModelJson.write(problem.withInstance(uri.getPath())))
                .build();
    }

    private static String lastNode(String path) {
        int dot = path.lastIndexOf('.');
        return dot < 0 ? path : path.substring(dot + 1);
    }
}
