package org.bioimagecatalog.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.bioimagecatalog.model.api.Problem;
import org.bioimagecatalog.model.api.ProblemException;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * The failures every service shares, mapped once for all of them: a {@link ProblemException} (each service's own
 * kinds), bean-validation failures and unreadable bodies ({@code invalid-request}), the framework's refusals (404,
 * 405, 406, 415 …), an engine that is away (503 {@code unavailable} with {@code Retry-After},
 * {@link EngineUnavailable}) and anything else (500 {@code internal-error} with an incident id, logged, never a
 * stack trace in the answer). A service maps only the exceptions that are its own and not a
 * {@link ProblemException}.
 */
public class CommonProblemMapper {
    private static final Logger LOG = Logger.getLogger(CommonProblemMapper.class);

    @ServerExceptionMapper
    public Response problem(ProblemException e, UriInfo uri) {
        return ProblemResponses.respond(e.problem(), uri.getPath());
    }

    @ServerExceptionMapper
    public Response validation(ConstraintViolationException e, UriInfo uri) {
        List<Problem.FieldError> errors = e.getConstraintViolations().stream()
                .map(v -> new Problem.FieldError(fieldName(v), v.getMessage()))
                .sorted(Comparator.comparing(Problem.FieldError::field))
                .toList();
        return ProblemResponses.respond(ProblemResponses.invalidRequest("the request has invalid values", errors),
                uri.getPath());
    }

    /** A body that is not JSON, or not of the expected shape ({@code []} for an object, a number for a list). */
    @ServerExceptionMapper
    public Response unreadableJson(JsonProcessingException e, UriInfo uri) {
        return badJson(e, uri);
    }

    /** Named separately: Quarkus ships its own (bodiless 400) mapper for this subtype, and this one must win. */
    @ServerExceptionMapper
    public Response mismatchedJson(MismatchedInputException e, UriInfo uri) {
        return badJson(e, uri);
    }

    /** The framework's refusals: unknown path (404), wrong method (405), unacceptable media type (406) … */
    @ServerExceptionMapper
    public Response http(WebApplicationException e, UriInfo uri) {
        if (e.getCause() instanceof JsonProcessingException json) {
            return badJson(json, uri); // Quarkus wraps body parse errors in a 400 WebApplicationException
        }
        int status = e.getResponse().getStatus();
        if (status >= 500) {
            return unexpected(e, uri);
        }
        Response.Status known = Response.Status.fromStatusCode(status);
        String title = known == null ? "HTTP " + status : known.getReasonPhrase();
        String kind = switch (status) {
            case 400 -> ProblemResponses.INVALID_REQUEST;
            case 404 -> "not-found";
            default -> known == null ? "http-" + status : title.toLowerCase(Locale.ROOT).replace(' ', '-');
        };
        String detail = status == 404 ? "no resource at " + uri.getPath() : e.getMessage();
        if (status == 400) {
            title = ProblemResponses.INVALID_REQUEST_TITLE;
        }
        return ProblemResponses.respond(Problem.of(kind, title, status, detail), uri.getPath());
    }

    @ServerExceptionMapper
    public Response unexpected(Throwable e, UriInfo uri) {
        Optional<String> away = EngineUnavailable.engine(e);
        if (away.isPresent()) {
            // an engine restarting is no bug of ours: 503 and when to try again, without a stack trace in the log
            LOG.warnf("%s unavailable on %s: %s", away.get(), uri.getPath(), e.getMessage());
            return ProblemResponses.unavailable(away.get(), uri.getPath());
        }
        String incident = UUID.randomUUID().toString();
        LOG.errorf(e, "incident %s: unexpected failure on %s", incident, uri.getPath());
        return ProblemResponses.respond(Problem.of("internal-error", "Internal error", 500,
                "an unexpected error occurred; quote incident " + incident + " when reporting it"), uri.getPath());
    }

    private static Response badJson(JsonProcessingException e, UriInfo uri) {
        return ProblemResponses.respond(ProblemResponses.invalidRequest(
                "the body is not the JSON this endpoint expects: " + e.getOriginalMessage(), List.of()), uri.getPath());
    }

    /**
     * The field as the client named it: a path or query parameter by its name ({@code id}), a body field by its
     * path inside the body ({@code publication.doi}, {@code authors[0].name}, {@code tags[1]}).
     */
    static String fieldName(ConstraintViolation<?> violation) {
        List<Path.Node> nodes = new ArrayList<>();
        violation.getPropertyPath().forEach(nodes::add);
        List<Path.Node> properties = nodes.stream()
                .filter(n -> n.getKind() == ElementKind.PROPERTY || n.getKind() == ElementKind.CONTAINER_ELEMENT)
                .toList();
        if (properties.isEmpty()) {
            Path.Node leaf = nodes.isEmpty() ? null : nodes.get(nodes.size() - 1);
            return leaf == null || leaf.getName() == null ? "body" : leaf.getName();
        }
        StringBuilder field = new StringBuilder();
        for (Path.Node node : properties) {
            // an element of a list carries its index: authors[0].name is "authors", then "name" with index 0
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
}
