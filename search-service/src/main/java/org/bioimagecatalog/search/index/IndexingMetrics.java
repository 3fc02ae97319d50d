package org.bioimagecatalog.search.index;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;

/** Domain counters of the indexing side, exposed on {@code /q/metrics} as {@code bic_search_*_total}. */
@ApplicationScoped
public class IndexingMetrics {
    private final MeterRegistry registry;
    private final Counter indexed;
    private final Counter deleted;
    private final Counter stale;
    private final Counter reuseApplied;

    public IndexingMetrics(MeterRegistry registry) {
        this.registry = registry;
        this.indexed = registry.counter("bic.search.documents.indexed");
        this.deleted = registry.counter("bic.search.documents.deleted");
        this.stale = registry.counter("bic.search.documents.stale");
        this.reuseApplied = registry.counter("bic.search.reuse.applied");
    }

    public void indexed(int count) {
        indexed.increment(count);
    }

    public void deleted(int count) {
        deleted.increment(count);
    }

    /** An event older than the indexed version, skipped by Elasticsearch's external versioning. */
    public void stale(int count) {
        stale.increment(count);
    }

    public void reuseApplied() {
        reuseApplied.increment();
    }

    /** A document Elasticsearch refused, by the kind of error it gave (e.g. mapper_parsing_exception). */
    public void rejected(String reason) {
        registry.counter("bic.search.documents.rejected", "reason", reason).increment();
    }

    /** A Kafka message that could not be read at all (no key, not JSON, key and payload disagree). */
    public void invalidMessage(String topic, String reason) {
        registry.counter("bic.search.messages.invalid", "topic", topic, "reason", reason).increment();
    }
}
