package org.bioimagecatalog.catalog;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.List;

/** The catalog service's own settings ({@code bic.catalog.*}); defaults work against the local stack. */
@ConfigMapping(prefix = "bic.catalog")
public interface CatalogConfig {

    Outbox outbox();

    Api api();

    Merge merge();

    Oai oai();

    Renormalise renormalise();

    Ingest ingest();

    /** Consuming records.harvested.v1 (ingest.HarvestedRecordConsumer). */
    interface Ingest {
        /**
         * Records written by a first harvest before the ingest tables' lookup columns are first analysed, then again
         * each time as many more were written as the catalog held (ingest.IngestTableStatistics); 0: never, leave it
         * to autovacuum.
         */
        @WithDefault("1000")
        long analyseFirstAfter();
    }

    /** Re-normalising stored datasets when the vocabularies change (harmony.RenormaliseJob). */
    interface Renormalise {
        /** Start a re-normalisation in the background at start-up when datasets were built by an older normaliser. */
        @WithDefault("true")
        boolean onStart();

        /** Datasets re-merged per transaction (each holds the merge lock, so ingestion waits that long). */
        @WithDefault("100")
        int batchSize();
    }

    /** The OAI-PMH provider at /oai. */
    interface Oai {
        @WithDefault("BioImage Catalog")
        String repositoryName();

        /** The namespace part of item identifiers: {@code oai:<this>:<dataset id>}. */
        @WithDefault("bioimagecatalog.org")
        String repositoryIdentifier();

        @WithDefault("catalog@bioimagecatalog.org")
        String adminEmail();

        /** Records per ListRecords/ListIdentifiers response before a resumptionToken. */
        @WithDefault("100")
        int pageSize();
    }

    interface Merge {
        /**
         * Archives from the most to the least specific: for a field that takes one value (title, organisms,
         * imaging methods, licence …) the first record in this order that has one wins. Archives not listed
         * come after, by name.
         */
        @WithDefault("idr,empiar,bia,ssbd,bbbc,cpg,datacite,zenodo,figshare,dryad,dataverse,osf")
        List<String> sourcePreference();
    }

    interface Outbox {
        /**
         * How often the publisher looks for unpublished rows left by a failure or another replica; it is also
         * woken right after each commit. 1s is the smallest period quarkus-scheduler runs reliably.
         */
        @WithDefault("1s")
        Duration interval();

        /** Rows locked and sent per round. */
        @WithDefault("100")
        int batchSize();

        /** How long a round waits for Kafka's acks before leaving the rest for the next round. */
        @WithDefault("15s")
        Duration sendTimeout();

        /** How long published rows are kept (for audit and replay checks) before they are deleted. */
        @WithDefault("P7D")
        Duration retention();
    }

    interface Api {
        @WithDefault("20")
        int defaultLimit();

        @WithDefault("200")
        int maxLimit();

        /**
         * A list's total is counted exactly when the planner expects fewer matching rows than this (a count
         * that reads at most this many index entries), and is the planner's estimate above it unless the client
         * asks {@code count=exact}. Also the largest OAI list whose completeListSize is given.
         */
        @WithDefault("10000")
        long exactCountBelow();
    }
}
