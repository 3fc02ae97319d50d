package org.bioimagecatalog.harvester;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/** Everything the harvester can be told, under {@code bic.harvester}; defaults work on a developer machine. */
@ConfigMapping(prefix = "bic.harvester")
public interface HarvesterConfig {

    /** The configured sources by name, e.g. {@code bic.harvester.sources.idr.location}. */
    Map<String, Source> sources();

    Schedule schedule();

    Http http();

    Politeness politeness();

    Locations locations();

    Resume resume();

    /** How many runs (of different sources) may execute at the same time in this replica. */
    @WithDefault("2")
    int parallelRuns();

    /**
     * A record that consecutive full runs of its source and location no longer list is withdrawn (a deletion is
     * published) at this many misses; one miss alone may be a glitch upstream.
     */
    @WithDefault("2")
    int withdrawAfterMissingRuns();

    /**
     * Entries of a listed source (a folder, a crawled listing) harvested as one page: read and mapped one by one,
     * then published together, and the run's position moves past them only once Kafka acknowledged all of them.
     * Paged sources publish the pages their API returns.
     */
    @WithDefault("100")
    int listedPageSize();

    /**
     * A full run whose listing misses more than this share (0 to 1) of the records its source and location listed
     * before withdraws nothing and ends PARTIAL, saying why (a truncated listing must not delete datasets).
     */
    @WithDefault("0.1")
    double withdrawMaxShrink();

    interface Source {
        /** Which connector reads this source, e.g. {@code idr-study-files}. */
        String type();

        /**
         * The archive named in record keys ({@code <archive>:<native id>}) when a record does not say it itself;
         * defaults to the connector's {@code archiveFor(name)}: a dedicated connector's archive (e.g. {@code idr}
         * for {@code idr-study-files}), the source name for a generic paged connector (OAI-PMH, DataCite, Zenodo).
         */
        Optional<String> archive();

        /** Directory, file or URL harvested when a run names no location; empty means no scheduled harvest. */
        Optional<String> location();

        /**
         * When to harvest this source, as a Quartz cron expression with seconds ({@code 0 0 3 * * ?} = every day at
         * 03:00); replaces the periodic {@link Schedule} for this source. Needs a location.
         */
        Optional<String> schedule();
    }

    interface Schedule {
        /** Harvest every source that has a location, periodically. Off by default. */
        @WithDefault("false")
        boolean enabled();

        @WithDefault("24h")
        Duration every();

        /** Wait after start-up before the first scheduled harvest. */
        @WithDefault("1m")
        Duration initialDelay();
    }

    /** Resuming runs left RUNNING by a replica that died; see {@code run.AbandonedRuns}. */
    interface Resume {
        /** How often to look for abandoned runs (the first look is shortly after start-up). */
        @WithDefault("1m")
        Duration every();

        @WithDefault("5s")
        Duration initialDelay();

        /** A run resumed this often (a crash loop) is failed instead. */
        @WithDefault("3")
        int maxResumes();

        /**
         * How long a run that lost PostgreSQL keeps trying to write its end (FAILED, with the reason) before it
         * leaves that to the next look for abandoned runs.
         */
        @WithDefault("5m")
        Duration databaseWait();
    }

    /** Limits per archive host and per source, on top of the retries of {@link Http}. */
    /**
     * Where harvest runs may read from (docs/security.md, "Threat model and limits"). The defaults are closed:
     * {@code bin/catalog}, the tests and the end-to-end runs allow what they need explicitly.
     */
    interface Locations {
        /** Loopback, private and carrier-grade NAT addresses may be fetched (the local replay server, tests). */
        @WithDefault("false")
        boolean allowPrivateAddresses();

        /** Link-local addresses (the cloud metadata service) may be fetched; never wanted outside tests. */
        @WithDefault("false")
        boolean allowLinkLocalAddresses();

        /** Local paths and file: URIs must lie under this directory; unset, no local location is accepted. */
        java.util.Optional<String> localRoot();

        /**
         * Base URLs a run's http(s) location may start with, per source ({@code bic.harvester.locations.allowed.idr=
         * https://a/,https://b/}), besides the source's configured location.
         */
        java.util.Map<String, java.util.List<String>> allowed();

        /** Any http(s) location for any source (one operator's own machine, bin/catalog). */
        @WithDefault("false")
        boolean allowAnyUrl();
    }

    interface Politeness {
        /** Requests in flight to one host (scheme, host and port) at a time, across all runs; 0 = no limit. */
        @WithDefault("2")
        int perHostConcurrency();

        /** Request starts per second to one host; 0 = no limit. */
        @WithDefault("5")
        double perHostRequestsPerSecond();

        /** Consecutive failed requests (each after its retries) that open a source's circuit breaker; 0 = never. */
        @WithDefault("5")
        int breakerFailures();

        /** How long an open breaker refuses requests before it lets a trial request through. */
        @WithDefault("10m")
        Duration breakerOpenFor();
    }

    interface Http {
        @WithDefault("BioImageCatalog-harvester/0.1 (+https://bioimagecatalog.org)")
        String userAgent();

        @WithDefault("10s")
        Duration connectTimeout();

        @WithDefault("60s")
        Duration requestTimeout();

        /** Attempts per request, counting the first; 5xx, 429 and I/O errors are retried. */
        @WithDefault("4")
        int maxAttempts();

        @WithDefault("1s")
        Duration initialBackoff();

        /** Upper bound of one wait, including a server's Retry-After. */
        @WithDefault("60s")
        Duration maxBackoff();

        /** Folder levels followed below a listing URL. */
        @WithDefault("4")
        int maxDepth();

        /** A larger response is refused rather than held in memory. */
        @WithDefault("52428800")
        long maxBodyBytes();
    }
}
