package org.bioimagecatalog.security;

import io.quarkus.security.identity.CurrentIdentityAssociation;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Response;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The gateway's key check (gateway/nginx.conf.template, "Rate limits"): nginx's auth subrequest for a request
 * that carries a key. The answer names the limiter the request counts against, as an internal redirect of the
 * subrequest: the limiter of the identity's highest role, keyed by a digest of its name (so the URI carries no
 * key and no name). An anonymous request gets the anonymous limiter; a key the service does not accept fails
 * authentication (401), which the gateway also treats as anonymous. Not routed by the gateway to clients, and
 * left out of the OpenAPI documents.
 */
@Path(KeyCheckResource.PATH)
public class KeyCheckResource {
    public static final String PATH = "/internal/key-check";
    static final String LIMITER_PREFIX = "/_bic/limit/";

    private final CurrentIdentityAssociation identities;

    public KeyCheckResource(CurrentIdentityAssociation identities) {
        this.identities = identities;
    }

    @GET
    public Uni<Response> check() {
        return identities.getDeferredIdentity()
                .map(identity -> Response.noContent().header("X-Accel-Redirect", limiterFor(identity))
                        .header("Cache-Control", "no-store").build());
    }

    /** The gateway location that counts a request of this identity. */
    static String limiterFor(SecurityIdentity identity) {
        if (identity == null || identity.isAnonymous()) {
            return LIMITER_PREFIX + "anonymous";
        }
        for (ApiRole role : ApiRole.values()) { // highest first
            if (identity.hasRole(role.roleName())) {
                return LIMITER_PREFIX + role.roleName() + "/" + digest(identity.getPrincipal().getName());
            }
        }
        // an identity without a catalog role (an OIDC token for another audience) has no more rights than anonymous
        return LIMITER_PREFIX + "anonymous";
    }

    private static String digest(String name) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(name.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
