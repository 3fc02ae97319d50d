package org.bioimagecatalog.e2e;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * An identity provider for one test run: an RSA key pair, the configuration that makes the services verify its
 * access tokens locally (docs/security.md, "OIDC": {@code quarkus.oidc.public-key}, as OidcBearerTokenTest does in
 * reuse-tracker-service), and RS256-signed JWTs with a {@code groups} role claim. Written with the JDK's signature
 * API, so the end-to-end tests need no JOSE library.
 */
final class TestIdentityProvider {
    static final String ISSUER = "https://idp.bioimagecatalog.test/realms/e2e";
    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();

    private final KeyPair keys;

    TestIdentityProvider() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            keys = generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** What turns OIDC on in every service, trusting this provider's key. */
    Map<String, String> serviceConfig() {
        return Map.of("quarkus.oidc.tenant-enabled", "true",
                "quarkus.oidc.public-key", Base64.getEncoder().encodeToString(keys.getPublic().getEncoded()),
                "quarkus.oidc.token.issuer", ISSUER,
                "quarkus.oidc.roles.role-claim-path", "groups");
    }

    /** An access token for {@code user} with these roles, valid for {@code lifetime}. */
    String token(String user, List<String> groups, Duration lifetime) {
        long now = Instant.now().getEpochSecond();
        String claims = "{\"iss\":\"" + ISSUER + "\",\"sub\":\"" + user + "\",\"preferred_username\":\"" + user
                + "\",\"iat\":" + now + ",\"exp\":" + (now + lifetime.getSeconds()) + ",\"groups\":["
                + groups.stream().map(g -> "\"" + g + "\"").collect(Collectors.joining(",")) + "]}";
        String signed = B64.encodeToString("{\"alg\":\"RS256\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8)) + "."
                + B64.encodeToString(claims.getBytes(StandardCharsets.UTF_8));
        try {
            Signature rs256 = Signature.getInstance("SHA256withRSA");
            rs256.initSign(keys.getPrivate());
            rs256.update(signed.getBytes(StandardCharsets.US_ASCII));
            return signed + "." + B64.encodeToString(rs256.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
