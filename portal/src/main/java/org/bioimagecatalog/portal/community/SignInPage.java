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
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.HttpHeaders;
import org.bioimagecatalog.portal.page.LocalRedirect;

/** {@code /signin}: enter an API key once (kept in a cookie, see {@link ApiKeyCookie}); {@code /signout} forgets it. */
@Path("/")
public class SignInPage {
    private final Template signin;

    SignInPage(@Location("signin.html") Template signin) {
        this.signin = signin;
    }

    @GET
    @Path("signin")
    @Produces(MediaType.TEXT_HTML)
    public String form(@QueryParam("return") String back, @CookieParam(ApiKeyCookie.NAME) String key) {
        return signin.data("back", local(back)).data("signedIn", key != null && !key.isBlank()).render();
    }

    @POST
    @Path("signin")
    public Response signIn(@FormParam("key") String key, @FormParam("return") String back,
            @Context HttpHeaders headers) {
        if (key == null || key.isBlank()) {
            return LocalRedirect.seeOther("/signin?return=" + local(back)).build();
        }
        return LocalRedirect.seeOther(local(back)).cookie(ApiKeyCookie.of(key, headers)).build();
    }

    @POST
    @Path("signout")
    public Response signOut(@Context HttpHeaders headers) {
        return LocalRedirect.seeOther("/").cookie(ApiKeyCookie.cleared(headers)).build();
    }

    /** Only a path of this site: a "return" to another origin would make the form an open redirect. */
    static String local(String path) {
        return path != null && path.startsWith("/") && !path.startsWith("//") && !path.contains("\\") ? path : "/";
    }
}
