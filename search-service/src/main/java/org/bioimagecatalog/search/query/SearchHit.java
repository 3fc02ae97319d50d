package org.bioimagecatalog.search.query;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A dataset as a search result shows it; the full record is the catalog's {@code /api/v1/datasets/{id}}. */
@Schema(description = "A matching dataset")
public record SearchHit(
        @Schema(example = "bic-7f3a2c") String id,
        @Schema(example = "Fission yeast gene deletion screen for cell shape") String title,
        @Schema(description = "The start of the description (about 300 characters)") String description,
        @Schema(example = "[\"idr\", \"bia\"]") List<String> sources,
        @Schema(description = "Organism labels", example = "[\"Schizosaccharomyces pombe\"]") List<String> organisms,
        @Schema(description = "Imaging method labels", example = "[\"spinning disk confocal microscopy\"]")
        List<String> imagingMethods,
        @Schema(description = "SPDX id, or the licence's label when not recognised", example = "CC-BY-4.0")
        String license,
        LocalDate released,
        @Schema(description = "Number of works that reused the data", example = "3") int reuseCount,
        @Schema(description = "Matched fragments per field (title, description); matches wrapped in <em>,"
                + " the rest HTML-escaped") Map<String, List<String>> highlights) {}
