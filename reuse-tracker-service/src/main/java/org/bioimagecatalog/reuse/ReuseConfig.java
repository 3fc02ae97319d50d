package org.bioimagecatalog.reuse;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** Settings of the reuse tracker; the defaults work against the local stack. */
@ConfigMapping(prefix = "bic.reuse")
public interface ReuseConfig {

    /** How long to wait for Kafka to acknowledge a published summary before leaving it to the sweep. */
    @WithDefault("30s")
    Duration publishTimeout();

    /**
     * How often one dataset event is tried when the database refuses it for a concurrency reason (two
     * replicas creating the same publication at once): the second try finds the row the first one made.
     */
    @WithDefault("3")
    int maxAttempts();

    /**
     * How long one poll of datasets.v1 may take in its transaction. A poll that overran the default 60 s on a loaded
     * machine was rolled back as if the database were away, and stopped the channel until a restart. Kept under
     * Kafka's max.poll.interval.ms (5 min), past which the group would take the partition away.
     */
    @WithDefault("240s")
    Duration pollTransactionTimeout();

    /**
     * Dataset events applied to a new tracker before its tables' lookup columns are first analysed, then again each
     * time as many more were applied as it tracked (dataset.TrackedTableStatistics); 0 leaves it to autovacuum.
     */
    @WithDefault("1000")
    long analyseFirstAfter();

    SummarySweep summarySweep();

    interface SummarySweep {
        /** How often summaries still marked stale (their publish failed or was interrupted) are retried. */
        @WithDefault("60s")
        String every();

        /** How many stale summaries one sweep publishes at most. */
        @WithDefault("200")
        int batchSize();
    }
}
