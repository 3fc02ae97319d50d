package org.bioimagecatalog.reuse.collect;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.time.LocalDate;

/** Settings of the citation collectors: where each one asks, and how politely. */
@ConfigMapping(prefix = "bic.reuse.collect")
public interface CollectorConfig {

    /** How often every collector runs ({@code off} disables the schedule; the manual trigger still works). */
    @WithDefault("6h")
    String every();

    /** Contact address sent to the APIs (Crossref's "polite pool" wants one). */
    @WithDefault("reuse-tracker@bioimagecatalog.org")
    String mailto();

    /** How long a replica holds a collector before another may take over (longer than a run). */
    @WithDefault("2h")
    Duration lease();

    Http http();

    Crossref crossref();

    Scholix scholix();

    Datacite datacite();

    Europepmc europepmc();

    interface Europepmc {
        /** Base of the Europe PMC REST web services. */
        @WithDefault("https://www.ebi.ac.uk/europepmc/webservices/rest")
        String url();

        @WithDefault("100")
        int pageSize();

        /** Pages read per searched identifier at most. */
        @WithDefault("10")
        int maxPages();

        /** Also search the full text for the datasets' DOIs (accessions are always searched). */
        @WithDefault("true")
        boolean searchDois();
    }

    interface Http {
        @WithDefault("10s")
        Duration connectTimeout();

        @WithDefault("60s")
        Duration requestTimeout();

        /** Tries of one request (the first included) on 429, 5xx and I/O errors. */
        @WithDefault("4")
        int maxAttempts();

        /** First pause between tries; doubled every retry, unless the server says Retry-After. */
        @WithDefault("2s")
        Duration backoff();

        /** Longest pause accepted (also caps a server's Retry-After). */
        @WithDefault("120s")
        Duration maxBackoff();

        /** Requests in flight to one host (scheme, host and port) at a time; 0 = no limit. */
        @WithDefault("2")
        int perHostConcurrency();

        /** Request starts per second to one host; 0 = no limit. */
        @WithDefault("5")
        double perHostRequestsPerSecond();

        /** A larger answer fails the request rather than being held in memory. */
        @WithDefault("52428800")
        long maxBodyBytes();

        /** Consecutive failed requests (each after its retries) that open a collector's circuit breaker; 0 = never. */
        @WithDefault("5")
        int breakerFailures();

        /** How long an open breaker refuses requests before it lets a trial request through. */
        @WithDefault("10m")
        Duration breakerOpenFor();
    }

    interface Crossref {
        /** Base of the Crossref REST API (a mirror or a replay server in tests). */
        @WithDefault("https://api.crossref.org")
        String url();

        /** First day the collector asks about when it has no checkpoint yet. */
        @WithDefault("2024-01-01")
        LocalDate startDate();

        /** Days (one request window each) one run covers at most, so a run stays short. */
        @WithDefault("31")
        int maxDaysPerRun();

        @WithDefault("100")
        int rows();

        /** First day {@code crossref-works} asks about when it has no checkpoint yet. */
        @WithDefault("2024-01-01")
        LocalDate worksStartDate();

        /**
         * Which date of a work {@code crossref-works} reads by day: {@code update} (metadata deposited again, e.g.
         * with references added), {@code created}, {@code index} or {@code deposit}.
         */
        @WithDefault("update")
        String worksDateFilter();
    }

    interface Datacite {
        /** Base of the DataCite REST API. */
        @WithDefault("https://api.datacite.org")
        String url();

        /** Start of the first {@code updated} window when there is no checkpoint yet. */
        @WithDefault("2024-01-01T00:00:00Z")
        java.time.Instant start();

        /** Length of one {@code updated:[from TO until]} window. */
        @WithDefault("7d")
        Duration window();

        @WithDefault("100")
        int pageSize();

        /** Pages one run reads at most; the checkpoint remembers the next page of an unfinished window. */
        @WithDefault("50")
        int maxPagesPerRun();
    }

    interface Scholix {
        /**
         * Where Scholix links come from. With {@code {doi}} in it, a ScholeXplorer API queried once per tracked
         * dataset DOI and paged with {@code page}; without, a link package (one or more ScholeXplorer responses
         * back to back) fetched whole and stream-parsed.
         */
        @WithDefault("https://api.scholexplorer.openaire.eu/v2/Links?targetPid={doi}")
        String url();

        /** Pages read per dataset at most in API mode. */
        @WithDefault("20")
        int maxPages();
    }

    /** Sent as User-Agent, with the mailto address. */
    @WithDefault("BioImageCatalog-reuse-tracker/1.0")
    String userAgent();
}
