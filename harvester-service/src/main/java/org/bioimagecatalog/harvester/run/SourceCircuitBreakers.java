package org.bioimagecatalog.harvester.run;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.bioimagecatalog.harvester.HarvesterConfig;
import org.bioimagecatalog.http.client.CircuitBreaker;

/**
 * One circuit breaker per source, kept across runs in this replica: a source whose archive is down stays refused
 * for {@code bic.harvester.politeness.breaker-open-for}, then gets a trial request.
 */
@ApplicationScoped
public class SourceCircuitBreakers {
    private final Map<String, CircuitBreaker> bySource = new ConcurrentHashMap<>();

    @Inject
    HarvesterConfig config;

    public CircuitBreaker of(String source) {
        return bySource.computeIfAbsent(source, name -> new CircuitBreaker("source " + name,
                config.politeness().breakerFailures(), config.politeness().breakerOpenFor()));
    }
}
