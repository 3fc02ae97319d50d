package org.bioimagecatalog.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.security.runtime.QuarkusPrincipal;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import org.junit.jupiter.api.Test;

/** Which gateway limiter a request counts against, by the identity its key gives. */
class KeyCheckLimiterTest {

    private static QuarkusSecurityIdentity identity(String name, ApiRole role) {
        return QuarkusSecurityIdentity.builder().setPrincipal(new QuarkusPrincipal(name))
                .addRoles(role.grantedRoleNames()).build();
    }

    @Test
    void anAnonymousRequestCountsAgainstTheAnonymousLimiter() {
        assertThat(KeyCheckResource.limiterFor(QuarkusSecurityIdentity.builder().setAnonymous(true).build()))
                .isEqualTo("/_bic/limit/anonymous");
    }

    @Test
    void aKeyCountsAgainstItsHighestRolesLimiterUnderADigestOfItsName() {
        String admin = KeyCheckResource.limiterFor(identity("ops", ApiRole.ADMIN));
        assertThat(admin).matches("/_bic/limit/admin/[0-9a-f]{16}").doesNotContain("ops");
        assertThat(KeyCheckResource.limiterFor(identity("bot", ApiRole.SUBMITTER))).matches("/_bic/limit/submitter/[0-9a-f]{16}");
        assertThat(KeyCheckResource.limiterFor(identity("cur", ApiRole.CURATOR))).matches("/_bic/limit/curator/[0-9a-f]{16}");
        // two keys of one role have two budgets
        assertThat(KeyCheckResource.limiterFor(identity("bot", ApiRole.SUBMITTER)))
                .isNotEqualTo(KeyCheckResource.limiterFor(identity("other-bot", ApiRole.SUBMITTER)));
    }

    @Test
    void anIdentityWithoutACatalogRoleIsAnonymous() {
        QuarkusSecurityIdentity stranger = QuarkusSecurityIdentity.builder().setPrincipal(new QuarkusPrincipal("x"))
                .addRole("viewer").build();
        assertThat(KeyCheckResource.limiterFor(stranger)).isEqualTo("/_bic/limit/anonymous");
    }
}
