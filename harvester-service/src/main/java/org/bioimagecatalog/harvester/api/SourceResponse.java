package org.bioimagecatalog.harvester.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.bioimagecatalog.harvester.run.HarvestRun;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A configured source as {@code GET /api/v1/harvest/sources} lists it. */
@Schema(description = "A configured harvest source")
@JsonInclude(JsonInclude.Include.NON_NULL)
public record SourceResponse(
        @Schema(example = "idr") String name,
        @Schema(example = "idr-study-files") String type,
        @Schema(description = "the archive named in record keys (<archive>:<native id>) unless a record names its own",
                example = "idr") String archive,
        @Schema(description = "default location; absent when runs must name one") String location,
        @Schema(description = "whether the source is harvested on a schedule") boolean scheduled,
        @Schema(description = "the schedule: 'cron <expression>' (the source's own), 'every <period>' (the periodic"
                + " harvest), absent when only manual runs harvest it", example = "cron 0 0 3 * * ?") String schedule,
        @Schema(description = "when the source's cron fires next") java.time.Instant nextRun,
        @Schema(description = "the most recent run, without its errors") HarvestRun lastRun,
        @Schema(description = "records the source currently provides: keys its runs listed, less those deleted or"
                + " withdrawn") long records) {}
