package org.bioimagecatalog.reuse.api;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.bioimagecatalog.http.ProblemResponses;
import org.bioimagecatalog.model.api.Problem;
import org.bioimagecatalog.reuse.citation.InvalidCitationException;
import org.bioimagecatalog.reuse.collect.CollectorBusyException;
import org.bioimagecatalog.reuse.collect.CollectorFailedException;
import org.bioimagecatalog.reuse.collect.UnknownCollectorException;
import org.bioimagecatalog.reuse.dataset.UnknownDatasetException;
import org.bioimagecatalog.reuse.report.UnknownProducerException;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * The reuse tracker's own failures as problem+json; everything the services share (bean validation, unreadable
 * bodies, framework refusals, engines away, unexpected errors) is mapped by service-security's
 * {@code CommonProblemMapper}.
 */
public class ProblemExceptionMapper {

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
        return problem(ProblemResponses.invalidRequest(e.getMessage(), e.errors()), uri);
    }

    private static Response problem(Problem problem, UriInfo uri) {
        return ProblemResponses.respond(problem, uri.getPath());
    }
}
