package org.bioimagecatalog.harvester.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import org.bioimagecatalog.harvester.run.HarvestRun;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A page of runs, newest first; {@code next} is the opaque cursor of the following page, absent on the last. */
@Schema(description = "A page of harvest runs, newest first (without their errors)")
public record RunPageResponse(
        List<HarvestRun> items,
        @JsonInclude(JsonInclude.Include.NON_NULL)
        @Schema(description = "pass as 'cursor' to get the next page; absent on the last page") String next) {}
