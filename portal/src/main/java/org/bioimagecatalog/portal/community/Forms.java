package org.bioimagecatalog.portal.community;

import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.bioimagecatalog.portal.page.LocalRedirect;

/** What the write forms' handlers share: redirect-after-post, the way to sign-in, an HTML answer with a status. */
final class Forms {
    private Forms() {}

    /**
     * One write from a form, with the reader's credential: not signed in, 303 to the sign-in page (back to
     * {@code signInBack}); else {@code call} sends it to the API with the {@code Authorization} value and names the
     * page to land on (see {@link #landing}), and the answer is a 303 there (redirect-after-post); refused, the page
     * {@code refused} makes from the API's reason.
     */
    static Response send(String cookie, String signInBack, String role, Function<String, String> call,
            Function<ApiRefusal, Response> refused) {
        Optional<String> bearer = ApiKeyCookie.bearer(cookie);
        if (bearer.isEmpty()) {
            return toSignIn(signInBack);
        }
        try {
            return LocalRedirect.seeOther(call.apply(bearer.get())).build();
        } catch (WebApplicationException | ProcessingException e) {
            ApiRefusal refusal = ApiRefusal.of(e, role);
            Response page = refused.apply(refusal);
            if (refusal.retryAfterSeconds() == 0) {
                return page;
            }
            // once: the page shown may be a status page that already says it
            return Response.fromResponse(page).header("Retry-After", null)
                    .header("Retry-After", refusal.retryAfterSeconds()).build();
        }
    }

    /** The page a write lands on, showing the fixed notice named {@code done}. */
    static String landing(String path, String done) {
        return path + "?done=" + done;
    }

    /** Not signed in: to the sign-in page, which comes back here. */
    static Response toSignIn(String back) {
        return LocalRedirect.seeOther("/signin?return=" + URLEncoder.encode(back, StandardCharsets.UTF_8)).build();
    }

    /** The fixed text a {@code done} parameter names; nothing for an unknown or missing one. */
    static String notice(Map<String, String> texts, String done) {
        return done == null ? "" : texts.getOrDefault(done, "");
    }

    static Response html(int status, String page) {
        return Response.status(status).type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8")).entity(page).build();
    }

    /** A site path from segments, each percent-encoded (an id from the URL never adds a segment or a query). */
    static String path(String... segments) {
        StringBuilder path = new StringBuilder();
        for (String segment : segments) {
            path.append('/').append(URLEncoder.encode(segment, StandardCharsets.UTF_8).replace("+", "%20"));
        }
        return path.toString();
    }

    static String orEmpty(String value) {
        return value == null ? "" : value;
    }
}
