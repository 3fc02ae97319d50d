package org.bioimagecatalog.search.query;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** How a query that matched nothing was relaxed to find results. */
@Schema(description = "The words left out so that the search finds something, and what to tell the user")
public record RelaxedQuery(
        @Schema(description = "The words no result matches", example = "[\"tonsil\"]") List<String> terms,
        @Schema(description = "The words the results do match", example = "imaging mass cytometry human")
        String showing,
        @Schema(example = "No dataset matches all of \"imaging mass cytometry human tonsil\"; showing results for"
                + " \"imaging mass cytometry human\" (without \"tonsil\")") String message) {}
