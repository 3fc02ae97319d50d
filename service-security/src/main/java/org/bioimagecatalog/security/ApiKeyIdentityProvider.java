package org.bioimagecatalog.security;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.credential.TokenCredential;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.runtime.QuarkusPrincipal;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.file.Path;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Turns a presented key into an identity named after the key's name, with the roles its role grants. The
 * keys file is {@code bic.security.keys-file}, else the environment variable {@code BIC_API_KEYS_FILE}, else
 * {@code /etc/bioimage-catalog/api-keys} (where a Kubernetes Secret is mounted).
 */
@ApplicationScoped
public class ApiKeyIdentityProvider implements IdentityProvider<ApiKeyAuthenticationRequest> {
    private static final Logger LOG = Logger.getLogger(ApiKeyIdentityProvider.class);
    static final String DEFAULT_FILE = "/etc/bioimage-catalog/api-keys";

    private final ApiKeyStore store;

    public ApiKeyIdentityProvider(@ConfigProperty(name = "bic.security.keys-file") Optional<String> keysFile) {
        String path = keysFile.filter(p -> !p.isBlank())
                .or(() -> Optional.ofNullable(System.getenv("BIC_API_KEYS_FILE")).filter(p -> !p.isBlank()))
                .orElse(DEFAULT_FILE);
        this.store = new ApiKeyStore(Path.of(path));
        LOG.infof("API keys are read from %s", store.file());
    }

    @Override
    public Class<ApiKeyAuthenticationRequest> getRequestType() {
        return ApiKeyAuthenticationRequest.class;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(ApiKeyAuthenticationRequest request, AuthenticationRequestContext context) {
        return context.runBlocking(() -> {
            ApiKeyEntry entry = store.find(request.key())
                    .orElseThrow(() -> new AuthenticationFailedException("unknown or revoked API key"));
            return QuarkusSecurityIdentity.builder()
                    .setPrincipal(new QuarkusPrincipal(entry.name()))
                    .addRoles(entry.role().grantedRoleNames())
                    .addCredential(new TokenCredential(entry.hash(), "api-key"))
                    .build();
        });
    }
}
