package org.bioimagecatalog.portal.community;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.NewCookie;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import java.util.regex.Pattern;
import org.bioimagecatalog.portal.page.PublicBase;

/**
 * The signed-in user's credential, entered once on {@code /signin}: an API key, or an access token of the identity
 * provider the services accept (docs/security.md, "OIDC"). It is kept in a cookie the page's scripts cannot read
 * (HttpOnly) and other sites cannot make the browser send (SameSite=Strict), and forwarded as
 * {@code Authorization: Bearer …}, which the services tell apart themselves (a value with two dots is a JWT). The
 * portal never verifies either: the API does, and enforces the role.
 */
public final class ApiKeyCookie {
    public static final String NAME = "bic_api_key";
    static final Duration KEY_LIFETIME = Duration.ofDays(30);
    /** RFC 7235 token68, which is what a bearer value may be; also keeps the cookie free of ; , and spaces. */
    private static final Pattern TOKEN68 = Pattern.compile("[A-Za-z0-9\\-._~+/]+=*");
    private static final Pattern JWT = Pattern.compile("[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]*");
    private static final ObjectMapper JSON = new ObjectMapper();

    private ApiKeyCookie() {}

    /** Whether a value can be sent as a bearer credential at all. */
    static boolean wellFormed(String credential) {
        return credential != null && credential.length() <= 16_384 && TOKEN68.matcher(credential).matches();
    }

    /** An access token (a JWT), as the services decide: the API key format never has two dots. */
    static boolean isAccessToken(String credential) {
        return credential != null && JWT.matcher(credential).matches();
    }

    /**
     * When an access token stops being accepted, from its {@code exp} claim, read without verifying: only to let the
     * cookie end with it. Empty for an API key or a token without a readable {@code exp}.
     */
    static Optional<Instant> expiry(String credential) {
        if (!isAccessToken(credential)) {
            return Optional.empty();
        }
        try {
            String payload = credential.substring(credential.indexOf('.') + 1, credential.lastIndexOf('.'));
            JsonNode claims = JSON.readTree(Base64.getUrlDecoder().decode(payload));
            return claims.path("exp").canConvertToLong()
                    ? Optional.of(Instant.ofEpochSecond(claims.path("exp").asLong())) : Optional.empty();
        } catch (IOException | IllegalArgumentException notJson) {
            return Optional.empty();
        }
    }

    /** The cookie for a credential: an API key for 30 days, an access token until it expires (at most as long). */
    static NewCookie of(String credential, HttpHeaders headers, Instant now) {
        long lifetime = expiry(credential).map(exp -> Duration.between(now, exp).getSeconds())
                .map(s -> Math.min(s, KEY_LIFETIME.getSeconds())).orElse(KEY_LIFETIME.getSeconds());
        return new NewCookie.Builder(NAME).value(credential).path("/").httpOnly(true)
                .secure(PublicBase.secure(headers)).sameSite(NewCookie.SameSite.STRICT)
                .maxAge((int) Math.max(lifetime, 0)).build();
    }

    static NewCookie cleared(HttpHeaders headers) {
        return new NewCookie.Builder(NAME).value("").path("/").httpOnly(true)
                .secure(PublicBase.secure(headers)).sameSite(NewCookie.SameSite.STRICT).maxAge(0).build();
    }

    /** The {@code Authorization} header value for the API, when signed in. */
    public static Optional<String> bearer(String cookie) {
        return cookie == null || cookie.isBlank() ? Optional.empty() : Optional.of("Bearer " + cookie.trim());
    }

    static boolean signedIn(String cookie) {
        return cookie != null && !cookie.isBlank();
    }
}
