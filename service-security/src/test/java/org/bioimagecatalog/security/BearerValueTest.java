package org.bioimagecatalog.security;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Which bearer values are API keys and which are left to OIDC. */
class BearerValueTest {
    @Test
    void aJwtIsNotTakenForAnApiKey() {
        assertThat(ApiKeyAuthenticationMechanism.isJwt("eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJqYW5lIn0.c2lnbmF0dXJl")).isTrue();
    }

    @Test
    void issuedKeysAndTestKeysAreApiKeys() {
        // bin/catalog issues 32 random bytes as base64url without padding: never a dot
        assertThat(ApiKeyAuthenticationMechanism.isJwt("q3Vh0Xn8Yv-2mL_9aBcDeFgHiJkLmNoPqRsTuVwXyZ0")).isFalse();
        assertThat(ApiKeyAuthenticationMechanism.isJwt("test-admin-key-6f1c0b3e")).isFalse();
        assertThat(ApiKeyAuthenticationMechanism.isJwt("a.b")).isFalse();
    }
}
