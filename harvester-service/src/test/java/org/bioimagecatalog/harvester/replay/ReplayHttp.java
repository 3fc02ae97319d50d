package org.bioimagecatalog.harvester.replay;

import java.time.Duration;
import org.bioimagecatalog.http.client.HttpSettings;
import org.bioimagecatalog.http.client.PoliteHttpClient;

/** The connectors' HTTP client as tests use it: real, but with short backoffs (a Retry-After is capped at 50 ms). */
public final class ReplayHttp {
    private ReplayHttp() {}

    public static final HttpSettings FAST = new HttpSettings("BioImageCatalog-test/1", Duration.ofSeconds(5),
            Duration.ofSeconds(20), 3, Duration.ofMillis(10), Duration.ofMillis(50), 4, 50_000_000);

    public static PoliteHttpClient client() {
        return new PoliteHttpClient(FAST);
    }
}
