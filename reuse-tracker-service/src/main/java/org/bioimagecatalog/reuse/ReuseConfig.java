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
