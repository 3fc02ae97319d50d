package org.bioimagecatalog.catalog.api;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.bioimagecatalog.catalog.dataset.DatasetMovedException;
import org.bioimagecatalog.http.ProblemResponses;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * The catalog's one problem that needs more than a body: every other failure is mapped by service-security's
 * {@code CommonProblemMapper} (each {@code CatalogException} is a {@code ProblemException}).
 */
public class ProblemMapper {

    /** A merged dataset: 301 with the survivor in {@code Location}, and a problem saying so for humans. */
    @ServerExceptionMapper
    public Response moved(DatasetMovedException e, UriInfo uri) {
        return ProblemResponses.builder(e.problem(), uri.getPath())
                .location(uri.getBaseUriBuilder().path("api/v1/datasets").path(e.survivor()).build())
                .build();
    }
}
