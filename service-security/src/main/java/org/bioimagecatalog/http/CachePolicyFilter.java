package org.bioimagecatalog.http;

import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.ext.Provider;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * {@code Cache-Control} on public reads: a successful GET (200 or 304) made without an API key may be cached by
 * anyone for {@code bic.http.cache-max-age} seconds (60 by default). Writes, errors and requests with a key get
 * no such header; a resource that sets its own Cache-Control keeps it.
 */
@Provider
public class CachePolicyFilter implements ContainerResponseFilter {

    @ConfigProperty(name = "bic.http.cache-max-age", defaultValue = "60")
    int maxAge;

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        boolean read = HttpMethod.GET.equals(request.getMethod()) || HttpMethod.HEAD.equals(request.getMethod());
        boolean ok = response.getStatus() == 200 || response.getStatus() == 304;
        boolean anonymous = request.getHeaderString(HttpHeaders.AUTHORIZATION) == null
                && request.getHeaderString("X-API-Key") == null;
        if (read && ok && anonymous && !response.getHeaders().containsKey(HttpHeaders.CACHE_CONTROL)) {
            response.getHeaders().putSingle(HttpHeaders.CACHE_CONTROL, "public, max-age=" + maxAge);
        }
    }
}
