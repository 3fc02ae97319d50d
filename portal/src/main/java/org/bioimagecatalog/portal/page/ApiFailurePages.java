package org.bioimagecatalog.portal.page;

import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import jakarta.inject.Singleton;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.concurrent.CompletionException;
import org.jboss.logging.Logger;
import org.bioimagecatalog.portal.api.ApiFailure;
import org.jboss.resteasy.reactive.ClientWebApplicationException;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * A read page whose API call failed, and that has no page of its own for it: the site's status page (same layout)
 * saying it in words ({@link ApiFailure}), with the status that fits: 503 and {@code Retry-After} when the API does
 * not answer or answers 5xx, the API's 404 as the page's 404. Without these mappers Quarkus answers a generic 500 for
 * both: an exception of a REST client is never passed on as the server's own answer.
 */
@Singleton
public class ApiFailurePages {
    private static final Logger LOG = Logger.getLogger(ApiFailurePages.class);
    private final Template status;

    ApiFailurePages(@Location("status.html") Template status) {
        this.status = status;
    }

    /** The page for this failure, with {@code Retry-After} when the reader can only wait. */
    public Response page(ApiFailure failure) {
        Response.ResponseBuilder page = Response.status(failure.status()).type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
                .entity(status.data("status", failure.status()).data("title", failure.title())
                        .data("detail", failure.message()).data("id", "").render());
        if (failure.retryAfterSeconds() > 0) {
            page.header("Retry-After", failure.retryAfterSeconds());
        }
        return page.build();
    }

    /** The API did not answer: connection refused, timed out. */
    @ServerExceptionMapper
    public Response notAnswering(ProcessingException e) {
        return page(ApiFailure.of(e));
    }

    /** The API answered with a status a page did not expect. */
    @ServerExceptionMapper
    public Response answered(ClientWebApplicationException e) {
        return page(ApiFailure.of(e));
    }

    /**
     * A {@code Uni} of the API awaited: Mutiny wraps a checked failure (the connection refused) in a
     * {@link CompletionException}. Anything else wrapped so is the page's own fault: the site's 500 page, logged.
     */
    @ServerExceptionMapper
    public Response awaited(CompletionException e) {
        if (ApiFailure.is(e)) {
            return page(ApiFailure.of(e));
        }
        LOG.error("a page failed", e);
        return Response.serverError().type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
                .entity(status.data("status", 500).data("title", "Something went wrong")
                        .data("detail", "This page failed on our side; it has been logged. Try again later.")
                        .data("id", "").render()).build();
    }
}
