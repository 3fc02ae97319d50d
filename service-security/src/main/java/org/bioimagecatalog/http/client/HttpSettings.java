package org.bioimagecatalog.http.client;

import java.time.Duration;

/**
 * How politely and patiently a service talks HTTP to the outside (the harvester to archives, the reuse tracker's
 * collectors to citation APIs): who we say we are, timeouts, tries and backoff, how deep a listing is followed and
 * how large an answer may be. Each service fills it from its own configuration.
 */
public record HttpSettings(String userAgent, Duration connectTimeout, Duration requestTimeout, int maxAttempts,
        Duration initialBackoff, Duration maxBackoff, int maxDepth, long maxBodyBytes) {
}
