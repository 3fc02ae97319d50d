package org.bioimagecatalog.harvester.http;

import io.opentelemetry.api.OpenTelemetry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import org.bioimagecatalog.harvester.HarvesterConfig;

/** One shared HTTP client for every connector, configured from {@code bic.harvester.http.*}. */
@ApplicationScoped
public class HttpClientProducer {

    @Produces
    @Singleton
    PoliteHttpClient politeHttpClient(HarvesterConfig config, OpenTelemetry openTelemetry) {
        return new PoliteHttpClient(HttpSettings.from(config.http()), new HostThrottle(
                config.politeness().perHostConcurrency(), config.politeness().perHostRequestsPerSecond()),
                openTelemetry.getTracer("org.bioimagecatalog.harvester"), new AddressGuard(
                config.locations().allowPrivateAddresses(), config.locations().allowLinkLocalAddresses()));
    }
}
