package org.bioimagecatalog.security;

import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.SecurityIdentityAugmentor;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * {@code admin} implies {@code curator} and {@code submitter} whatever proved the identity: API keys get the
 * implied roles from {@link ApiKeyIdentityProvider}, OIDC tokens (which carry only the roles the identity
 * provider lists) get them here.
 */
@ApplicationScoped
public class ImpliedRolesAugmentor implements SecurityIdentityAugmentor {

    @Override
    public Uni<SecurityIdentity> augment(SecurityIdentity identity, AuthenticationRequestContext context) {
        if (identity.isAnonymous() || !identity.hasRole(ApiRole.ADMIN_NAME)
                || identity.getRoles().containsAll(ApiRole.ADMIN.grantedRoleNames())) {
            return Uni.createFrom().item(identity);
        }
        return Uni.createFrom().item(QuarkusSecurityIdentity.builder(identity)
                .addRoles(ApiRole.ADMIN.grantedRoleNames()).build());
    }
}
