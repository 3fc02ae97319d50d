package org.bioimagecatalog.reuse.collect;

import org.bioimagecatalog.reuse.citation.EvidenceKind;

/**
 * One source of citation evidence. A run starts from the checkpoint the last successful run returned, hands
 * what it finds to the sink page by page, and returns the checkpoint to start from next time. A failed run
 * throws {@link CollectorException}; what it already wrote stays (it is idempotent), its checkpoint does not move.
 */
public interface Collector {
    /** The name used in the trigger path, the checkpoint table and the logs, e.g. {@code crossref}. */
    String name();

    /** The evidence kind this collector owns. */
    EvidenceKind kind();

    String collect(String checkpoint, CandidateSink sink);
}
