package org.bioimagecatalog.security;

import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The roles an API key can carry. {@code admin} implies the others, so an admin key can do everything a
 * curator or a submitter can. Resources name them with {@code @RolesAllowed(ApiRole.ADMIN)} etc.
 */
public enum ApiRole {
    ADMIN, CURATOR, SUBMITTER;

    public static final String ADMIN_NAME = "admin";
    public static final String CURATOR_NAME = "curator";
    public static final String SUBMITTER_NAME = "submitter";

    public String roleName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The role names an identity with this role holds, itself included. */
    public Set<String> grantedRoleNames() {
        return this == ADMIN ? Set.of(ADMIN_NAME, CURATOR_NAME, SUBMITTER_NAME) : Set.of(roleName());
    }

    public static Optional<ApiRole> parse(String text) {
        for (ApiRole role : values()) {
            if (role.roleName().equals(text)) {
                return Optional.of(role);
            }
        }
        return Optional.empty();
    }
}
