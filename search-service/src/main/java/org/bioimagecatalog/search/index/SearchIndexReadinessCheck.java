package org.bioimagecatalog.search.index;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Ready only once the dataset index and its alias exist: before that a search would answer 404s. */
@Readiness
@ApplicationScoped
public class SearchIndexReadinessCheck implements HealthCheck {
    private final IndexBootstrap bootstrap;

    public SearchIndexReadinessCheck(IndexBootstrap bootstrap) {
        this.bootstrap = bootstrap;
    }

    @Override
    public HealthCheckResponse call() {
        var response = HealthCheckResponse.named("Search index");
        if (!bootstrap.isReady()) {
            try {
                bootstrap.ensure();
            } catch (RuntimeException e) {
                return response.down().withData("reason", String.valueOf(e.getMessage())).build();
            }
        }
        ActiveIndex active = bootstrap.active();
        return response.up().withData("alias", active.alias()).withData("index", active.index())
                .withData("analyzer", active.analysis().analyzer()).build();
    }
}
