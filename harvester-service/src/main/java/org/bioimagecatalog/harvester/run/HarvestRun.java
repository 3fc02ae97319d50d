package org.bioimagecatalog.harvester.run;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A harvest run as the API shows it. {@code errors} holds the first 100 and is left out of run lists. */
@Schema(description = "A harvest run: what it read, how far it got, and what it could not use")
public record HarvestRun(
        @Schema(example = "5b7e0f8e-2f55-4c8e-9f5e-5a1d8b7f4a11") String id,
        @Schema(example = "idr") String source,
        @Schema(example = "https://mirror.example.org/idr-metadata/") String location,
        boolean force,
        RunStatus status,
        Instant startedAt,
        @JsonInclude(JsonInclude.Include.NON_NULL) Instant finishedAt,
        @Schema(description = "records found at the location") int seen,
        @Schema(description = "records published (acknowledged by the broker)") int published,
        @Schema(description = "records whose content equals the last published version, not re-published") int unchanged,
        @Schema(description = "records that could not be read or mapped, sent to the dead-letter topic") int rejected,
        @Schema(description = "pages fetched (paged sources: OAI-PMH, DataCite, Zenodo); 0 for listed sources") int pages,
        @Schema(description = "deletions published: records the source reports as deleted, and records withdrawn"
                + " after two full runs missed them") int deleted,
        @JsonInclude(JsonInclude.Include.NON_NULL)
        @Schema(description = "records the whole listing holds, as the source reports it (OAI-PMH completeListSize,"
                + " DataCite meta.total, IDR totalCount, BioStudies totalHits) or as many entries as a listed source"
                + " found; absent while unknown. With seen and startedAt it gives progress and an ETA") Integer total,
        @JsonInclude(JsonInclude.Include.NON_NULL)
        @Schema(description = "why a FAILED run stopped, or a PARTIAL one stopped early") String failureReason,
        @Schema(description = "how often the run was resumed from its last finished entry or page after the"
                + " replica running it died") int resumes,
        @JsonInclude(JsonInclude.Include.NON_NULL) List<RunError> errors) {

    public static final int MAX_ERRORS = 100;

    public HarvestRun withoutErrors() {
        return new HarvestRun(id, source, location, force, status, startedAt, finishedAt, seen, published, unchanged,
                rejected, pages, deleted, total, failureReason, resumes, null);
    }
}
