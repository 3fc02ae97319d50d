package org.bioimagecatalog.reuse;

import static org.bioimagecatalog.testsupport.WriteEndpointSecurity.assertAccepted;
import static org.bioimagecatalog.testsupport.WriteEndpointSecurity.json;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.bioimagecatalog.model.api.Problem;
import org.bioimagecatalog.testsupport.StackTestResource;
import org.bioimagecatalog.testsupport.TestApiKeys;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.lang.JoseException;
import org.junit.jupiter.api.Test;

/**
 * With OIDC enabled (service-security's optional mechanism), a bearer token signed by the identity provider is
 * accepted with the roles of its {@code groups} claim, a token of another signer is refused, and API keys keep
 * working beside it. The identity provider's key is verified locally ({@code quarkus.oidc.public-key}), so no
 * provider has to run: the test signs its tokens with the matching private key.
 */
@QuarkusTest
@TestProfile(OidcBearerTokenTest.OidcEnabled.class)
@QuarkusTestResource(StackTestResource.class)
class OidcBearerTokenTest {
    private static final String ISSUER = "https://idp.bioimagecatalog.test/realms/bic";
    private static final Map<String, Object> CITATION = Map.of("datasetId", "bic-oidc-none", "relation", "REUSE",
            "publication", Map.of("doi", "10.1098/rspb.2015.1561"));
    private static final String PATH = "/api/v1/citations";

    /** Turns OIDC on with the test's public key. */
    public static class OidcEnabled implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quarkus.oidc.tenant-enabled", "true",
                    "quarkus.oidc.public-key", TestSigningKey.publicKeyBase64(),
                    "quarkus.oidc.token.issuer", ISSUER,
                    "quarkus.oidc.roles.role-claim-path", "groups");
        }
    }

    @Test
    void aTokenWithTheSubmitterOrAdminRoleReachesTheEndpoint() {
        // the dataset is unknown: 404 is the endpoint's own answer, past authentication and the role check
        bearer(token(TestSigningKey.privateKey(), List.of("submitter"))).then().statusCode(404);
        bearer(token(TestSigningKey.privateKey(), List.of("admin"))).then().statusCode(404);
    }

    @Test
    void aTokenOfAnotherRoleIsForbidden() {
        bearer(token(TestSigningKey.privateKey(), List.of("curator"))).then()
                .statusCode(403).contentType(Problem.MEDIA_TYPE)
                .body("type", equalTo(Problem.TYPE_BASE + "forbidden"));
    }

    @Test
    void aTokenSignedByAnotherKeyIsRefused() throws GeneralSecurityException {
        PrivateKey stranger = KeyPairGenerator.getInstance("RSA").generateKeyPair().getPrivate();
        bearer(token(stranger, List.of("submitter"))).then()
                .statusCode(401).contentType(Problem.MEDIA_TYPE)
                .body("type", equalTo(Problem.TYPE_BASE + "unauthorized"));
    }

    @Test
    void apiKeysStillWorkBesideTokens() {
        assertAccepted(CITATION, "POST", PATH, TestApiKeys.submitter(), 404);
        json(CITATION).header("Authorization", "Bearer " + TestApiKeys.curator()).when().post(PATH).then().statusCode(403);
        json(CITATION).header("X-API-Key", TestApiKeys.unknown()).when().post(PATH).then().statusCode(401);
        json(CITATION).when().post(PATH).then().statusCode(401);
    }

    private static io.restassured.response.Response bearer(String token) {
        return json(CITATION).header("Authorization", "Bearer " + token).when().post(PATH);
    }

    private static String token(PrivateKey key, List<String> groups) {
        JwtClaims claims = new JwtClaims();
        claims.setIssuer(ISSUER);
        claims.setSubject("jane-steward");
        claims.setClaim("preferred_username", "jane-steward");
        claims.setStringListClaim("groups", groups);
        claims.setIssuedAtToNow();
        claims.setExpirationTimeMinutesInTheFuture(5);
        JsonWebSignature jws = new JsonWebSignature();
        jws.setPayload(claims.toJson());
        jws.setKey(key);
        jws.setAlgorithmHeaderValue(AlgorithmIdentifiers.RSA_USING_SHA256);
        try {
            return jws.getCompactSerialization();
        } catch (JoseException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * The test identity provider's RSA key pair, kept in target/ so that the test profile and the test (which
     * Quarkus may load in different class loaders) use the same one.
     */
    static final class TestSigningKey {
        private static final Path PRIVATE = Path.of("target/test-oidc-signing-key.pk8");
        private static final Path PUBLIC = Path.of("target/test-oidc-signing-key.x509");

        static synchronized String publicKeyBase64() {
            ensure();
            return read(PUBLIC);
        }

        static synchronized PrivateKey privateKey() {
            ensure();
            try {
                return KeyFactory.getInstance("RSA")
                        .generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(read(PRIVATE))));
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException(e);
            }
        }

        private static void ensure() {
            if (Files.exists(PRIVATE) && Files.exists(PUBLIC)) {
                return;
            }
            try {
                KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
                generator.initialize(2048);
                KeyPair pair = generator.generateKeyPair();
                Files.createDirectories(PRIVATE.toAbsolutePath().getParent());
                Files.writeString(PRIVATE, Base64.getEncoder().encodeToString(pair.getPrivate().getEncoded()));
                Files.writeString(PUBLIC, Base64.getEncoder().encodeToString(pair.getPublic().getEncoded()));
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException(e);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        private static String read(Path file) {
            try {
                return Files.readString(file).strip();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
