package org.bioimagecatalog.search;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** Everything the search service lets an operator tune; the defaults work against the local stack. */
@ConfigMapping(prefix = "bic.search")
public interface SearchConfig {

    Index index();

    Query query();

    Indexing indexing();

    Facets facets();

    /** The public origin (the gateway's) used in absolute links such as {@code /opensearch.xml}. */
    Optional<String> publicUrl();

    interface Index {
        /** Base name of the alias; the versioned index is {@code <prefix><name>-v<mapping version>}. */
        @WithDefault("datasets")
        String name();

        @WithDefault("1")
        int shards();

        @WithDefault("1")
        int replicas();

        /** The language analyser to use when the cluster has it; {@code standard} is the fallback. */
        @WithDefault("english")
        String preferredAnalyzer();
    }

    interface Query {
        @WithDefault("20")
        int defaultSize();

        @WithDefault("100")
        int maxSize();

        /** Elasticsearch's own {@code index.max_result_window}: deeper pages need search_after. */
        @WithDefault("10000")
        int maxResultWindow();

        @WithDefault("500")
        int maxQueryLength();

        @WithDefault("30")
        int facetSize();

        @WithDefault("300")
        int descriptionChars();

        /** Weight of log10(1 + reuseCount) added to the text score when sorting by relevance. */
        @WithDefault("1.0")
        double reuseBoostFactor();

        /** How long a cursor's point in time stays open between two pages. */
        @WithDefault("2m")
        String pitKeepAlive();

        /**
         * Most points in time the service keeps open at once (query/PitPool); beyond it a cursor continues with
         * search_after on the alias, without a point in time.
         */
        @WithDefault("64")
        int pitMaxOpen();

        @WithDefault("10")
        int suggestSize();

        /**
         * Whether a first page's hits and its facet counts are separate searches of one {@code _msearch}, run in
         * parallel on the cluster's search threads: a search then takes about as long as the longer of the two
         * rather than their sum, for about a quarter more of the cluster's CPU (the query runs in each). Off for a
         * cluster whose cores are kept busy by searches, where the extra work costs more than the overlap gains.
         */
        @WithDefault("true")
        boolean parallelCounts();
    }

    /** Which terms of the hierarchical facets are counted as parents, with their descendants rolled up. */
    interface Facets {
        /**
         * Taxa counted as {@code organismParents}: Mammalia, Vertebrata, Fungi, Viridiplantae, Bacteria, Viruses,
         * Arthropoda, Nematoda.
         */
        @WithDefault("40674,7742,4751,33090,2,10239,6656,6231")
        List<String> organismParents();

        /** FBbi terms counted as {@code imagingMethodParents}: light, electron, fluorescence, confocal microscopy. */
        @WithDefault("FBbi:00000345,FBbi:00000256,FBbi:00000246,FBbi:00000251")
        List<String> imagingMethodParents();
    }

    interface Indexing {
        /** First pause before retrying a bulk request Elasticsearch could not take (down, 429, 5xx). */
        @WithDefault("PT0.2S")
        Duration retryInitialBackoff();

        @WithDefault("PT30S")
        Duration retryMaxBackoff();
    }
}
