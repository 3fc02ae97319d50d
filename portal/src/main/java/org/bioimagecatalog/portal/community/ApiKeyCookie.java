package org.bioimagecatalog.portal.community;

import jakarta.ws.rs.core.NewCookie;
import jakarta.ws.rs.core.HttpHeaders;
import java.util.Optional;
import org.bioimagecatalog.portal.page.PublicBase;

/**
 * The signed-in user's API key, entered once on {@code /signin} and kept in a cookie the page's scripts cannot read
 * (HttpOnly) and other sites cannot send (SameSite=Strict, which is what keeps the write forms safe from cross-site
 * posts). The portal never checks the key itself: it forwards it, and the API enforces its role.
 */
public final class ApiKeyCookie {
    public static final String NAME = "bic_api_key";

    private ApiKeyCookie() {}

    static NewCookie of(String key, HttpHeaders headers) {
        return new NewCookie.Builder(NAME).value(key).path("/").httpOnly(true)
                .secure(PublicBase.secure(headers)).sameSite(NewCookie.SameSite.STRICT)
                .maxAge(60 * 60 * 24 * 30).build();
    }

    static NewCookie cleared(HttpHeaders headers) {
        return new NewCookie.Builder(NAME).value("").path("/").httpOnly(true)
                .secure(PublicBase.secure(headers)).sameSite(NewCookie.SameSite.STRICT).maxAge(0).build();
    }

    /** The {@code Authorization} header value for the API, when signed in. */
    public static Optional<String> bearer(String cookie) {
        return cookie == null || cookie.isBlank() ? Optional.empty() : Optional.of("Bearer " + cookie.trim());
    }
}
