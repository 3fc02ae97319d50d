package org.bioimagecatalog.search.index;

import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The last (or current) reindex of this replica. */
@Schema(description = "State of the last reindex started on this replica")
public record ReindexStatus(
        @Schema(description = "idle (none yet), running, done or failed", example = "done") String state,
        @Schema(description = "Index the alias pointed to when it started", example = "datasets-v1") String from,
        @Schema(description = "Index built", example = "datasets-v2") String to,
        Instant startedAt,
        Instant finishedAt,
        @Schema(description = "datasets.v1 messages replayed", example = "1234") long messagesReplayed,
        @Schema(description = "Why it failed, when it did") String error) {

    static final ReindexStatus IDLE = new ReindexStatus("idle", null, null, null, null, 0, null);

    public boolean running() {
        return "running".equals(state);
    }
}
