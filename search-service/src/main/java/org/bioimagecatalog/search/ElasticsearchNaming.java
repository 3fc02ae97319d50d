package org.bioimagecatalog.search;

import io.smallrye.config.ConfigMapping;
import java.util.Optional;

/**
 * The namespace of this deployment's indices on a shared cluster (empty in production, unique per test JVM).
 * Kept apart from {@link SearchConfig} because every service reads the same {@code bic.elasticsearch} key.
 */
@ConfigMapping(prefix = "bic.elasticsearch")
public interface ElasticsearchNaming {
    Optional<String> indexPrefix();
}
