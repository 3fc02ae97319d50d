package org.bioimagecatalog.reuse.collect;

import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** What one collector run did: the answer of the manual trigger and one log line. */
@Schema(name = "CollectionRun")
public record CollectionRun(
        @Schema(examples = "crossref") String collector,
        @Schema(enumeration = {"completed", "failed"}) String outcome,
        Instant startedAt,
        Instant finishedAt,
        @Schema(description = "checkpoint the run started from (null: first run)") String checkpointBefore,
        @Schema(description = "checkpoint the next run starts from") String checkpointAfter,
        @Schema(description = "records read upstream") int recordsSeen,
        @Schema(description = "records that named a tracked dataset") int candidatesMatched,
        @Schema(description = "links created") int linksCreated,
        @Schema(description = "evidence entries added (new links and known links found by this route)") int evidenceAdded,
        String error) {}
