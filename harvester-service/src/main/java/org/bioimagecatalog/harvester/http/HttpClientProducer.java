package org.bioimagecatalog.harvester.http;

import io.opentelemetry.api.OpenTelemetry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import org.bioimagecatalog.harvester.HarvesterConfig;
import org.bioimagecatalog.http.client.AddressGuard;
import org.bioimagecatalog.http.client.HostThrottle;
import org.bioimagecatalog.http.client.HttpSettings;
import org.bioimagecatalog.http.client.PoliteHttpClient;

/** One shared HTTP client for every connector, configured from {@code bic.harvester.http.*}. */
@ApplicationScoped
public class HttpClientProducer {

    @Produces
    @Singleton
    PoliteHttpClient politeHttpClient(HarvesterConfig config, OpenTelemetry openTelemetry) {
        return new PoliteHttpClient(settings(config.http()), new HostThrottle(
                config.politeness().perHostConcurrency(), config.politeness().perHostRequestsPerSecond()),
                openTelemetry.getTracer("org.bioimagecatalog.harvester"), new AddressGuard(
                config.locations().allowPrivateAddresses(), config.locations().allowLinkLocalAddresses()));
    }

    public static HttpSettings settings(HarvesterConfig.Http http) {
        return new HttpSettings(http.userAgent(), http.connectTimeout(), http.requestTimeout(), http.maxAttempts(),
                http.initialBackoff(), http.maxBackoff(), http.maxDepth(), http.maxBodyBytes());
    }
}
