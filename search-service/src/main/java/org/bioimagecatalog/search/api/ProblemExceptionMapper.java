package org.bioimagecatalog.search.api;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.bioimagecatalog.http.EngineUnavailable;
import org.bioimagecatalog.http.ProblemResponses;
import org.bioimagecatalog.model.api.Problem;
import org.bioimagecatalog.search.index.ReindexAlreadyRunningException;
import org.bioimagecatalog.search.index.SearchEngineUnavailableException;
import org.bioimagecatalog.search.query.InvalidSearchRequestException;
import org.bioimagecatalog.search.suggest.DatasetNotIndexedException;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * The search service's own failures as problem+json; everything the services share (framework refusals, engines
 * away, unexpected errors) is mapped by service-security's {@code CommonProblemMapper}.
 */
public class ProblemExceptionMapper {
    private static final Logger LOG = Logger.getLogger(ProblemExceptionMapper.class);

    @ServerExceptionMapper
    public Response invalidRequest(InvalidSearchRequestException e, UriInfo uri) {
        return ProblemResponses.respond(
                ProblemResponses.invalidRequest("One or more parameters are invalid.", e.errors()), uri.getPath());
    }

    @ServerExceptionMapper
    public Response engineUnavailable(SearchEngineUnavailableException e, UriInfo uri) {
        LOG.warnf("search unavailable: %s", e.getMessage());
        return ProblemResponses.builder(Problem.of("search-unavailable", "Search unavailable", 503,
                "The search engine cannot answer right now; try again shortly."), uri.getPath())
                .header("Retry-After", EngineUnavailable.RETRY_AFTER_SECONDS).build();
    }

    @ServerExceptionMapper
    public Response notIndexed(DatasetNotIndexedException e, UriInfo uri) {
        return ProblemResponses.respond(Problem.of("not-found", "Not found", 404, e.getMessage()), uri.getPath());
    }

    @ServerExceptionMapper
    public Response reindexRunning(ReindexAlreadyRunningException e, UriInfo uri) {
        return ProblemResponses.respond(Problem.of("reindex-running", "Reindex already running", 409,
                e.getMessage()), uri.getPath());
    }
}
