package org.bioimagecatalog.http;

import jakarta.ws.rs.core.Response;
import java.util.List;
import org.bioimagecatalog.model.ModelJson;
import org.bioimagecatalog.model.api.Problem;

/**
 * How every service writes a problem: RFC 9457 {@code application/problem+json} with the request's path as
 * {@code instance}, serialised here rather than left to content negotiation (a problem is problem+json even when
 * the client asked for CSV), and the one wording of the problems every service has.
 */
public final class ProblemResponses {
    public static final String INVALID_REQUEST = "invalid-request";
    public static final String INVALID_REQUEST_TITLE = "Invalid request";

    private ProblemResponses() {}

    /** A 400 {@code invalid-request}, the same title in every service; {@code errors} names the fields. */
    public static Problem invalidRequest(String detail, List<Problem.FieldError> errors) {
        return Problem.of(INVALID_REQUEST, INVALID_REQUEST_TITLE, 400, detail).withErrors(errors);
    }

    public static Response respond(Problem problem, String path) {
        return builder(problem, path).build();
    }

    /** For a response that needs more headers ({@code Location}, {@code WWW-Authenticate}, …). */
    public static Response.ResponseBuilder builder(Problem problem, String path) {
        return Response.status(problem.status())
                .type(Problem.MEDIA_TYPE)
                .entity(ModelJson.write(problem.withInstance(path)));
    }

    /** The 503 for an engine that is away, with when to try again. */
    public static Response unavailable(String engine, String path) {
        return builder(EngineUnavailable.problem(engine), path)
                .header("Retry-After", EngineUnavailable.RETRY_AFTER_SECONDS).build();
    }
}
