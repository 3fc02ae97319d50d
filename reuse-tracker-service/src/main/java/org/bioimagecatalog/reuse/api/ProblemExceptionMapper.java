package org.bioimagecatalog.reuse.api;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Path;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import java.util.UUID;
import org.bioimagecatalog.model.api.Problem;
import org.bioimagecatalog.reuse.dataset.UnknownDatasetException;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** The service's one mapping of failures to RFC 9457 problem+json; a stack trace never reaches a client. */
public class ProblemExceptionMapper {
    private static final Logger LOG = Logger.getLogger(ProblemExceptionMapper.class);

    @ServerExceptionMapper
    public Response unknownDataset(UnknownDatasetException e, UriInfo uri) {
        return problem(Problem.of("not-found", "Dataset not found", 404, e.getMessage()), uri);
    }

    @ServerExceptionMapper
    public Response invalidRequest(ConstraintViolationException e, UriInfo uri) {
        List<Problem.FieldError> errors = e.getConstraintViolations().stream()
                .map(v -> new Problem.FieldError(leafName(v), v.getMessage()))
                .sorted(java.util.Comparator.comparing(Problem.FieldError::field))
                .toList();
        return problem(Problem.of("invalid-request", "Invalid request", 400, "the request has invalid parameters")
                .withErrors(errors), uri);
    }

    /** JAX-RS's own refusals: unknown path (404), wrong method (405), unacceptable media type (406), … */
    @ServerExceptionMapper
    public Response http(WebApplicationException e, UriInfo uri) {
        int status = e.getResponse().getStatus();
        Response.Status.Family family = Response.Status.Family.familyOf(status);
        if (family == Response.Status.Family.SERVER_ERROR) {
            return unexpected(e, uri);
        }
        String reason = Response.Status.fromStatusCode(status) != null
                ? Response.Status.fromStatusCode(status).getReasonPhrase() : "Request refused";
        String kind = reason.toLowerCase(java.util.Locale.ROOT).replace(' ', '-');
        return problem(Problem.of(kind, reason, status, e.getMessage()), uri);
    }

    @ServerExceptionMapper
    public Response unexpected(Throwable e, UriInfo uri) {
        String incident = UUID.randomUUID().toString();
        LOG.errorf(e, "incident %s: unexpected failure on %s", incident, uri.getRequestUri().getPath());
        return problem(Problem.of("internal-error", "Internal error", 500,
                "an unexpected error occurred; the service log has the details under incident " + incident), uri);
    }

    private static String leafName(ConstraintViolation<?> violation) {
        String name = null;
        for (Path.Node node : violation.getPropertyPath()) {
            name = node.getName();
        }
        return name == null ? "request" : name;
    }

    private static Response problem(Problem problem, UriInfo uri) {
        return Response.status(problem.status())
                .type(Problem.MEDIA_TYPE)
                .entity(problem.withInstance(uri.getRequestUri().getPath()))
                .build();
    }
}
