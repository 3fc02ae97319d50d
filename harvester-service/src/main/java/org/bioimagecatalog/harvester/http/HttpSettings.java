package org.bioimagecatalog.harvester.http;

import java.time.Duration;
import org.bioimagecatalog.harvester.HarvesterConfig;

/** How politely and patiently the harvester talks HTTP; see {@link HarvesterConfig.Http}. */
public record HttpSettings(String userAgent, Duration connectTimeout, Duration requestTimeout, int maxAttempts,
        Duration initialBackoff, Duration maxBackoff, int maxDepth, long maxBodyBytes) {

    public static HttpSettings from(HarvesterConfig.Http http) {
        return new HttpSettings(http.userAgent(), http.connectTimeout(), http.requestTimeout(), http.maxAttempts(),
                http.initialBackoff(), http.maxBackoff(), http.maxDepth(), http.maxBodyBytes());
    }
}
