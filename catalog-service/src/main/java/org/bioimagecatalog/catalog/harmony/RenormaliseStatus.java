package org.bioimagecatalog.catalog.harmony;

import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The state of the last re-normalisation on this replica. */
@Schema(name = "RenormaliseStatus")
public record RenormaliseStatus(
        @Schema(description = "A run is in progress on this replica") boolean running,
        @Schema(description = "The normaliser version datasets are brought to", example = "2") int version,
        @Schema(description = "Live datasets still built by an older normaliser (at the last look)") long pending,
        @Schema(description = "Datasets re-merged by the last run") int datasets,
        @Schema(description = "Datasets whose canonical record changed and went out on datasets.v1 again") int republished,
        @Schema(description = "Datasets merged into another (tombstoned) because matching changed") int mergedAway,
        Instant startedAt,
        Instant finishedAt,
        @Schema(description = "Why the last run stopped early, if it did") String error) {

    static RenormaliseStatus idle(int version, long pending) {
        return new RenormaliseStatus(false, version, pending, 0, 0, 0, null, null, null);
    }
}
