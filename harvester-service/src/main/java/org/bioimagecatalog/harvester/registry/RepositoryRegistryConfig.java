package org.bioimagecatalog.harvester.registry;

import io.smallrye.config.ConfigMapping;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The repositories of the seed's Table 1 and how each is reached, under {@code bic.registry.repositories.<id>}:
 * the route, the harvest sources ({@code bic.harvester.sources.<name>}) that implement it, and a note (the
 * DataCite query used, or why the repository is not harvested).
 */
@ConfigMapping(prefix = "bic.registry")
public interface RepositoryRegistryConfig {

    Map<String, Repository> repositories();

    interface Repository {
        /** The repository's name as people know it, e.g. {@code Harvard Dataverse}. */
        String name();

        /** {@code dedicated}, {@code oai-pmh}, {@code datacite}, {@code zenodo-rest} or {@code none}. */
        String route();

        /** The harvest sources that implement the route, primary first; none for {@code route=none}. */
        Optional<List<String>> sources();

        /** What the route asks for, or why the repository is not harvested. */
        Optional<String> note();
    }
}
