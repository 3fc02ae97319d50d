package org.bioimagecatalog.search.api;

import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Optional;
import org.bioimagecatalog.search.SearchConfig;
import org.jboss.logging.Logger;

/**
 * Decides who may call the admin endpoints. Until the API keys with roles of issue 7 exist, an operator may
 * set {@code bic.search.admin.key}: the caller must then send it as {@code X-API-Key}. Issue 7 replaces the
 * body of {@link #requireAdmin} with its role check ({@code admin}); the resources already call it.
 */
@ApplicationScoped
public class AdminAccess {
    private static final Logger LOG = Logger.getLogger(AdminAccess.class);

    private final Optional<String> key;

    public AdminAccess(SearchConfig config) {
        this.key = config.admin().key().filter(k -> !k.isBlank());
        if (this.key.isEmpty()) {
            LOG.warn("bic.search.admin.key is not set: admin endpoints are open to every caller");
        }
    }

    public void requireAdmin(String presentedKey) {
        if (key.isEmpty()) {
            return;
        }
        if (presentedKey == null || !MessageDigest.isEqual(key.get().getBytes(StandardCharsets.UTF_8),
                presentedKey.getBytes(StandardCharsets.UTF_8))) {
            throw new AdminAccessDeniedException("this action needs the admin role (send the admin key as X-API-Key)");
        }
    }
}
