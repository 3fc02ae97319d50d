package org.bioimagecatalog.reuse.collect;

import io.opentelemetry.api.OpenTelemetry;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.net.URI;
import org.bioimagecatalog.http.client.AddressGuard;
import org.bioimagecatalog.http.client.HostThrottle;
import org.bioimagecatalog.http.client.HttpFetchException;
import org.bioimagecatalog.http.client.HttpSettings;
import org.bioimagecatalog.http.client.PoliteHttpClient;

/**
 * The collectors' way out: the project's one {@link PoliteHttpClient} (service-security) with the collectors'
 * settings: a User-Agent with the contact address, timeouts, retries honouring {@code Retry-After}, per-host limits
 * of concurrency and rate, the circuit breaker of the collector's run ({@link CollectorRuns}), one client span per
 * request, answers bounded in size. The base URLs are the operator's configuration, not request input, so no
 * address is refused ({@link AddressGuard#ALLOW_ALL}; the egress NetworkPolicy still keeps the pod off private
 * ranges).
 */
@ApplicationScoped
public class CollectorHttp {
    private static final String ACCEPT = "application/json";

    private final PoliteHttpClient client;

    public CollectorHttp(CollectorConfig config, OpenTelemetry openTelemetry) {
        CollectorConfig.Http http = config.http();
        HttpSettings settings = new HttpSettings(config.userAgent() + " (mailto:" + config.mailto() + ")",
                http.connectTimeout(), http.requestTimeout(), http.maxAttempts(), http.backoff(), http.maxBackoff(),
                0, http.maxBodyBytes());
        this.client = new PoliteHttpClient(settings,
                new HostThrottle(http.perHostConcurrency(), http.perHostRequestsPerSecond()),
                openTelemetry.getTracer("org.bioimagecatalog.reuse"), AddressGuard.ALLOW_ALL);
    }

    /** The body of a 2xx answer; a failure (after the retries) fails the collector's run with the reason. */
    public InputStream get(URI uri) {
        try {
            return new ByteArrayInputStream(client.get(uri, ACCEPT, status -> false).body());
        } catch (HttpFetchException e) {
            throw new CollectorException(e.getMessage(), e);
        }
    }
}
