package org.bioimagecatalog.portal.page;

import jakarta.ws.rs.core.Response;

/**
 * A redirect to a path of this site with a relative {@code Location} (RFC 9110 allows it): the browser resolves it
 * against the address it used, so the scheme and port a proxy in front changed never leak into it. JAX-RS's own
 * {@code seeOther} would make it absolute from the request as the portal received it.
 */
public final class LocalRedirect {
    private LocalRedirect() {}

    /** 303 See Other, after a form post. */
    public static Response.ResponseBuilder seeOther(String path) {
        return to(303, path);
    }

    public static Response.ResponseBuilder to(int status, String path) {
        return Response.status(status).header("Location", path);
    }
}
