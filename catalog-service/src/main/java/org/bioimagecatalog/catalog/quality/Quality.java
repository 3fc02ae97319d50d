package org.bioimagecatalog.catalog.quality;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A dataset's metadata quality: the share of recommended fields it has (0–100) and the ones it lacks. */
@Schema(name = "Quality")
public record Quality(
        @Schema(description = "Percentage of the recommended fields present, 0 to 100", example = "83") int score,
        @Schema(description = "Recommended fields this dataset lacks", example = "[\"creatorOrcid\", \"formats\"]")
        List<String> missing) {

    public Quality {
        missing = List.copyOf(missing);
    }
}
