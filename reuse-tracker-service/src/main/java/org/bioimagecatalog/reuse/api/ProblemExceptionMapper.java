package org.bioimagecatalog.reuse.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Path;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.bioimagecatalog.model.api.EngineUnavailable;
import org.bioimagecatalog.model.api.Problem;
import org.bioimagecatalog.reuse.citation.InvalidCitationException;
import org.bioimagecatalog.reuse.collect.CollectorBusyException;
import org.bioimagecatalog.reuse.collect.CollectorFailedException;
import org.bioimagecatalog.reuse.collect.UnknownCollectorException;
import org.bioimagecatalog.reuse.dataset.UnknownDatasetException;
import org.bioimagecatalog.reuse.report.UnknownProducerException;
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
    public Response unknownProducer(UnknownProducerException e, UriInfo uri) {
        return problem(Problem.of("not-found", "Producer not found", 404, e.getMessage()), uri);
    }

    @ServerExceptionMapper
    public Response unknownCollector(UnknownCollectorException e, UriInfo uri) {
        return problem(Problem.of("not-found", "Collector not found", 404, e.getMessage()), uri);
    }

    @ServerExceptionMapper
    public Response collectorBusy(CollectorBusyException e, UriInfo uri) {
        return problem(Problem.of("conflict", "Collector busy", 409, e.getMessage()), uri);
    }

    @ServerExceptionMapper
    public Response collectorFailed(CollectorFailedException e, UriInfo uri) {
        return problem(Problem.of("upstream-failed", "Collector failed", 502, e.getMessage()), uri);
    }

    @ServerExceptionMapper
    public Response invalidCitation(InvalidCitationException e, UriInfo uri) {
        return problem(Problem.of("invalid-request", "Invalid request", 400, e.getMessage()).withErrors(e.errors()), uri);
    }

    @ServerExceptionMapper
    public Response invalidRequest(ConstraintViolationException e, UriInfo uri) {
        List<Problem.FieldError> errors = e.getConstraintViolations().stream()
                .map(v -> new Problem.FieldError(fieldName(v), v.getMessage()))
                .sorted(java.util.Comparator.comparing(Problem.FieldError::field))
                .toList();
        return problem(Problem.of("invalid-request", "Invalid request", 400, "the request has invalid parameters")
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

    /** JAX-RS's own refusals: unknown path (404), wrong method (405), unacceptable media type (406), … */
    @ServerExceptionMapper
    public Response http(WebApplicationException e, UriInfo uri) {
        if (e.getCause() instanceof JsonProcessingException json) {
            return badJson(json, uri); // Quarkus wraps body parse errors in a 400 WebApplicationException
        }
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

    private static Response badJson(JsonProcessingException e, UriInfo uri) {
        return problem(Problem.of("invalid-request", "Invalid request", 400,
                "the body is not the JSON this endpoint expects: " + e.getOriginalMessage()), uri);
    }

    @ServerExceptionMapper
    public Response unexpected(Throwable e, UriInfo uri) {
        Optional<String> away = EngineUnavailable.engine(e);
        if (away.isPresent()) {
            // an engine restarting is no bug of ours: 503 and when to try again
            LOG.warnf("%s unavailable on %s: %s", away.get(), uri.getRequestUri().getPath(), e.getMessage());
            return Response.fromResponse(problem(EngineUnavailable.problem(away.get()), uri))
                    .header("Retry-After", EngineUnavailable.RETRY_AFTER_SECONDS).build();
        }
        String incident = UUID.randomUUID().toString();
        LOG.errorf(e, "incident %s: unexpected failure on %s", incident, uri.getRequestUri().getPath());
        return problem(Problem.of("internal-error", "Internal error", 500,
                "an unexpected error occurred; the service log has the details under incident " + incident), uri);
    }

    /**
     * The field as the client named it: a path or query parameter by its name ({@code id}), a body field by
     * its path inside the body ({@code publication.doi}, {@code publication.authors[0].name}).
     */
    private static String fieldName(ConstraintViolation<?> violation) {
        List<Path.Node> nodes = new java.util.ArrayList<>();
        violation.getPropertyPath().forEach(nodes::add);
        List<Path.Node> properties = nodes.stream()
                .filter(n -> n.getKind() == jakarta.validation.ElementKind.PROPERTY
                        || n.getKind() == jakarta.validation.ElementKind.CONTAINER_ELEMENT).toList();
        if (properties.isEmpty()) {
            Path.Node leaf = nodes.isEmpty() ? null : nodes.get(nodes.size() - 1);
            String name = leaf == null ? null : leaf.getName();
            // a missing body is reported on the parameter, which has no name the client knows
            return name == null || leaf.getKind() == jakarta.validation.ElementKind.PARAMETER
                    && name.equals("submission") ? "body" : name;
        }
        StringBuilder field = new StringBuilder();
        for (Path.Node node : properties) {
            // a node inside a list carries the element's index: authors[0].name is "authors", then "name" with index 0
            if (node.isInIterable() && node.getIndex() != null) {
                field.append('[').append(node.getIndex()).append(']');
            }
            if (node.getName() != null && !node.getName().startsWith("<")) {
                if (field.length() > 0) {
                    field.append('.');
                }
                field.append(node.getName());
            }
        }
        return field.toString();
    }

    private static Response problem(Problem problem, UriInfo uri) {
        return Response.status(problem.status())
                .type(Problem.MEDIA_TYPE)
                .entity(problem.withInstance(uri.getRequestUri().getPath()))
                .build();
    }
}
