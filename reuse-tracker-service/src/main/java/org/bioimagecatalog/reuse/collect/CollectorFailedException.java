package org.bioimagecatalog.reuse.collect;

/** A run failed (upstream unreachable or unreadable); carries the run report. */
public class CollectorFailedException extends RuntimeException {
    private final CollectionRun run;

    public CollectorFailedException(CollectionRun run) {
        super("collector " + run.collector() + " failed: " + run.error());
        this.run = run;
    }

    public CollectionRun run() {
        return run;
    }
}
