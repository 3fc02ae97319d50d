package org.bioimagecatalog.portal.community;

import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;
import java.net.URI;
import java.util.Locale;
import java.util.Set;
import org.bioimagecatalog.portal.page.PublicBase;

/**
 * Cross-site request forgery protection for the portal's forms, the second of two layers. The first is the sign-in
 * cookie's SameSite=Strict ({@link ApiKeyCookie}): a browser does not send it with a request another site starts, so
 * a forged post arrives anonymous and only reaches the sign-in page. This filter adds what SameSite leaves open: a
 * sibling subdomain is the "same site" (evil.example.org may post to catalog.example.org with the cookie), and
 * older browsers ignore SameSite. Every state-changing request whose {@code Origin} (else {@code Referer}) names
 * another origin than the one the browser used for this site ({@link PublicBase}) is refused with 403 before any
 * page code runs; so is {@code Origin: null} (sandboxed frames, cross-origin redirects). A request with neither header
 * comes from no browser form (browsers send Origin with every POST) and passes: it cannot carry a victim's cookie
 * without the victim's browser.
 *
 * <p>No cookie-bound token: the portal keeps no session, and SameSite plus this check needs no second cookie, no hidden
 * field in every form and no state, while covering the same requests for the browsers that can run the pages.
 */
@Provider
public class SameOriginPosts implements ContainerRequestFilter {
    private static final Set<String> SAFE = Set.of("GET", "HEAD", "OPTIONS");

    private final Template status;

    SameOriginPosts(@Location("status.html") Template status) {
        this.status = status;
    }

    @Override
    public void filter(ContainerRequestContext request) {
        if (SAFE.contains(request.getMethod())) {
            return;
        }
        String claimed = sender(request);
        if (claimed == null || claimed.equals(origin(PublicBase.of(request::getHeaderString)))) {
            return;
        }
        request.abortWith(Response.status(403).type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
                .entity(status.data("status", 403).data("title", "Form sent from another site")
                        .data("detail", "This form did not come from a page of this site, so nothing was done. If "
                                + "you did send it, open the page here again and send it from there.")
                        .render()).build());
    }

    /** The origin the browser says started the request; null when it says nothing. */
    private static String sender(ContainerRequestContext request) {
        String origin = request.getHeaderString("Origin");
        if (origin != null && !origin.isBlank()) {
            return origin.strip().equals("null") ? "null" : origin(origin.strip());
        }
        String referer = request.getHeaderString("Referer");
        return referer == null || referer.isBlank() ? null : origin(referer.strip());
    }

    /** scheme://host[:port], lower case, the default port left out; "invalid" when not a URL. */
    static String origin(String url) {
        try {
            URI uri = URI.create(url);
            if (uri.getScheme() == null || uri.getHost() == null) {
                return "invalid";
            }
            String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
            int port = uri.getPort();
            boolean defaultPort = port == -1 || (scheme.equals("http") && port == 80)
                    || (scheme.equals("https") && port == 443);
            return scheme + "://" + uri.getHost().toLowerCase(Locale.ROOT) + (defaultPort ? "" : ":" + port);
        } catch (IllegalArgumentException e) {
            return "invalid";
        }
    }
}
