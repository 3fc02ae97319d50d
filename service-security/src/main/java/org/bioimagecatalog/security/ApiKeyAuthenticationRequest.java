package org.bioimagecatalog.security;

import io.quarkus.security.identity.request.BaseAuthenticationRequest;

/** A key as presented in {@code Authorization: Bearer} or {@code X-API-Key}. */
public final class ApiKeyAuthenticationRequest extends BaseAuthenticationRequest {
    private final String key;

    public ApiKeyAuthenticationRequest(String key) {
        this.key = key;
    }

    public String key() {
        return key;
    }
}
