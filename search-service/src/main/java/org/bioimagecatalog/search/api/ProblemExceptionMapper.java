package org.bioimagecatalog.search.api;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.Optional;
import org.bioimagecatalog.model.ModelJson;
import org.bioimagecatalog.model.api.EngineUnavailable;
import org.bioimagecatalog.model.api.Problem;
import org.bioimagecatalog.search.index.ReindexAlreadyRunningException;
import org.bioimagecatalog.search.index.SearchEngineUnavailableException;
import org.bioimagecatalog.search.suggest.DatasetNotIndexedException;
import org.bioimagecatalog.search.query.InvalidSearchRequestException;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * The one place where failures become HTTP answers: always an RFC 9457 {@code application/problem+json} body
 * with a {@code type} per kind, never a stack trace.
 */
public class ProblemExceptionMapper {
    private static final Logger LOG = Logger.getLogger(ProblemExceptionMapper.class);

    @ServerExceptionMapper
    public Response invalidRequest(InvalidSearchRequestException e, UriInfo uri) {
        return problem(Problem.of("invalid-request", "Invalid search request", 400,
                "One or more parameters are invalid.").withErrors(e.errors()), uri);
    }

    @ServerExceptionMapper
    public Response engineUnavailable(SearchEngineUnavailableException e, UriInfo uri) {
        LOG.warnf("search unavailable: %s", e.getMessage());
        return retryLater(problem(Problem.of("search-unavailable", "Search unavailable", 503,
                "The search engine cannot answer right now; try again shortly."), uri));
    }

    @ServerExceptionMapper
    public Response notIndexed(DatasetNotIndexedException e, UriInfo uri) {
        return problem(Problem.of("not-found", "Not found", 404, e.getMessage()), uri);
    }

    @ServerExceptionMapper
    public Response reindexRunning(ReindexAlreadyRunningException e, UriInfo uri) {
        return problem(Problem.of("reindex-running", "Reindex already running", 409, e.getMessage()), uri);
    }

    @ServerExceptionMapper
    public Response http(WebApplicationException e, UriInfo uri) {
        int status = e.getResponse().getStatus();
        Response.Status known = Response.Status.fromStatusCode(status);
        String title = known == null ? "HTTP " + status : known.getReasonPhrase();
        String kind = known == null ? "http-" + status : known.name().toLowerCase().replace('_', '-');
        return problem(Problem.of(kind, title, status, title + ": " + uri.getPath()), uri);
    }

    @ServerExceptionMapper
    public Response unexpected(Throwable e, UriInfo uri) {
        Optional<String> away = EngineUnavailable.engine(e);
        if (away.isPresent()) {
            // PostgreSQL (reuse summaries) or Kafka (reindex) restarting is no bug of ours: 503, try again
            LOG.warnf("%s unavailable on %s: %s", away.get(), uri.getPath(), e.getMessage());
            return retryLater(problem(EngineUnavailable.problem(away.get()), uri));
        }
        LOG.errorf(e, "unexpected failure serving %s", uri.getPath());
        return problem(Problem.of("internal-error", "Internal error", 500,
                "Something went wrong on our side; it has been logged."), uri);
    }

    private static Response retryLater(Response response) {
        return Response.fromResponse(response).header("Retry-After", EngineUnavailable.RETRY_AFTER_SECONDS).build();
    }

    private static Response problem(Problem problem, UriInfo uri) {
        return Response.status(problem.status())
                .type(Problem.MEDIA_TYPE)
                .entity(ModelJson.write(problem.withInstance(uri.getPath())))
                .build();
    }
}
