package org.bioimagecatalog.portal.community;

import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import org.bioimagecatalog.portal.page.LocalRedirect;

/**
 * {@code /signin}: enter an API key or an identity provider's access token once (kept in a cookie, see
 * {@link ApiKeyCookie}); {@code /signout} forgets it.
 */
@Path("/")
public class SignInPage {
    private final Template signin;
    private final Clock clock;

    SignInPage(@Location("signin.html") Template signin) {
        this.signin = signin;
        this.clock = Clock.systemUTC();
    }

    @GET
    @Path("signin")
    @Produces(MediaType.TEXT_HTML)
    public String form(@QueryParam("return") String back, @CookieParam(ApiKeyCookie.NAME) String key) {
        return page(local(back), key, "");
    }

    @POST
    @Path("signin")
    @Produces(MediaType.TEXT_HTML)
    public Response signIn(@FormParam("key") String key, @FormParam("return") String back,
            @CookieParam(ApiKeyCookie.NAME) String current, @Context HttpHeaders headers) {
        String credential = key == null ? "" : key.strip();
        if (credential.isEmpty()) {
            return LocalRedirect.seeOther("/signin?return=" + local(back)).build();
        }
        if (!ApiKeyCookie.wellFormed(credential)) {
            return refused(back, current, "That is neither an API key nor an access token: both are one word of "
                    + "letters, digits and - . _ ~ + / = (paste it without spaces or quotes).");
        }
        Instant now = clock.instant();
        Optional<Instant> expiry = ApiKeyCookie.expiry(credential);
        if (expiry.isPresent() && !expiry.get().isAfter(now)) {
            return refused(back, current, "This access token expired at " + expiry.get()
                    + ". Ask your identity provider for a new one.");
        }
        return LocalRedirect.seeOther(local(back)).cookie(ApiKeyCookie.of(credential, headers, now)).build();
    }

    @POST
    @Path("signout")
    public Response signOut(@Context HttpHeaders headers) {
        return LocalRedirect.seeOther("/").cookie(ApiKeyCookie.cleared(headers)).build();
    }

    private Response refused(String back, String current, String why) {
        return Response.status(422).type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
                .entity(page(local(back), current, why)).build();
    }

    private String page(String back, String current, String error) {
        return signin.data("back", back).data("signedIn", ApiKeyCookie.signedIn(current))
                .data("token", ApiKeyCookie.isAccessToken(current))
                .data("until", ApiKeyCookie.expiry(current).map(Instant::toString).orElse(""))
                .data("error", error).render();
    }

    /** Only a path of this site: a "return" to another origin would make the form an open redirect. */
    static String local(String path) {
        return path != null && path.startsWith("/") && !path.startsWith("//") && !path.contains("\\") ? path : "/";
    }
}
