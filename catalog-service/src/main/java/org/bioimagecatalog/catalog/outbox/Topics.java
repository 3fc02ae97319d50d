package org.bioimagecatalog.catalog.outbox;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Maps logical topic names to this deployment's names: {@code bic.kafka.topic-prefix} lets several
 * deployments (or test JVMs) share one broker.
 */
@ApplicationScoped
public class Topics {

    private final String prefix;

    public Topics(@ConfigProperty(name = "bic.kafka.topic-prefix") Optional<String> prefix) {
        this.prefix = prefix.orElse("");
    }

    public String physical(String logicalTopic) {
        return prefix + logicalTopic;
    }
}
