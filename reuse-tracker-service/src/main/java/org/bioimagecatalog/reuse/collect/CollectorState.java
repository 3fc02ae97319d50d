package org.bioimagecatalog.reuse.collect;

import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A collector's checkpoint and last run, as {@code GET /api/v1/reuse/collect} lists them. */
@Schema(name = "CollectorState")
public record CollectorState(
        @Schema(examples = "crossref") String collector,
        @Schema(description = "where the next run starts (collector-specific: a day, a link date …)", examples = "2024-02-01")
        String checkpoint,
        Instant lastStartedAt,
        Instant lastFinishedAt,
        @Schema(enumeration = {"completed", "failed"}) String lastOutcome,
        String lastError,
        @Schema(description = "links created by this collector so far") int linksRecorded,
        @Schema(description = "evidence entries added by this collector so far") int evidenceAdded) {}
