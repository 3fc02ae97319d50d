package org.bioimagecatalog.catalog.taxonomy;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Optional;

/**
 * The online taxonomy step ({@code bic.taxonomy.*}): NCBI E-utilities for the taxa the bundled table lacks. Off by
 * default, so an offline catalog never waits on the network; switch it on where NCBI is reachable.
 */
@ConfigMapping(prefix = "bic.taxonomy")
public interface TaxonomyConfig {

    Online online();

    Cache cache();

    interface Online {
        @WithDefault("false")
        boolean enabled();

        /** The E-utilities base; tests point it at a local server of recorded answers. */
        @WithDefault("https://eutils.ncbi.nlm.nih.gov/entrez/eutils/")
        String baseUrl();

        /** NCBI asks every client to name itself ({@code tool}) and give a contact ({@code email}). */
        @WithDefault("bioimage-catalog")
        String tool();

        @WithDefault("catalog@bioimagecatalog.org")
        String email();

        /** An NCBI API key raises the allowance from 3 to 10 requests per second. */
        Optional<String> apiKey();

        /** 3 without a key, NCBI's published limit. */
        @WithDefault("3")
        int requestsPerSecond();

        @WithDefault("5s")
        Duration connectTimeout();

        @WithDefault("10s")
        Duration requestTimeout();

        /** A 429's {@code Retry-After} up to this long is waited for once; longer means "ask again later". */
        @WithDefault("5s")
        Duration maxRetryAfter();

        /** Consecutive failures (5xx, 429 after its retry, timeouts, broken connections) that open the breaker. */
        @WithDefault("5")
        int breakerFailures();

        /** How long an open breaker answers "unavailable" without asking NCBI. */
        @WithDefault("60s")
        Duration breakerOpenFor();
    }

    interface Cache {
        /** How long a found taxon is trusted before NCBI is asked again (taxa are renamed and merged). */
        @WithDefault("P30D")
        Duration hitTtl();

        /** How long "no such taxon" is trusted: a miss is not asked again at every record. */
        @WithDefault("P7D")
        Duration missTtl();
    }
}
