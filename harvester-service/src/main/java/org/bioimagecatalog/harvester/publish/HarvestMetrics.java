package org.bioimagecatalog.harvester.publish;

import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.bioimagecatalog.harvester.run.RunStatus;

/**
 * The harvester's domain counters on {@code /q/metrics}: records published, unchanged and rejected per source
 * ({@code bic_harvest_records_total{source, outcome}}) and finished runs per source and status.
 */
@ApplicationScoped
public class HarvestMetrics {

    @Inject
    MeterRegistry registry;

    public void published(String source) {
        published(source, 1);
    }

    public void published(String source, int records) {
        record(source, "published", records);
    }

    public void unchanged(String source) {
        unchanged(source, 1);
    }

    public void unchanged(String source, int records) {
        record(source, "unchanged", records);
    }

    public void rejected(String source) {
        record(source, "rejected", 1);
    }

    public void runFinished(String source, RunStatus status) {
        registry.counter("bic.harvest.runs", "source", source, "status", status.name()).increment();
    }

    private void record(String source, String outcome, int records) {
        registry.counter("bic.harvest.records", "source", source, "outcome", outcome).increment(records);
    }
}
