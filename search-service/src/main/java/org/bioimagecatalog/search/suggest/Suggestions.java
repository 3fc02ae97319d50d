package org.bioimagecatalog.search.suggest;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Completions of a typed prefix: dataset titles, organisms and imaging methods. */
@Schema(description = "Completions of a prefix, by kind")
public record Suggestions(
        @Schema(example = "fission") String prefix,
        List<TitleSuggestion> titles,
        @Schema(description = "Organism labels", example = "[\"Schizosaccharomyces pombe\"]") List<String> organisms,
        @Schema(description = "Imaging method labels", example = "[\"fluorescence microscopy\"]")
        List<String> imagingMethods) {

    @Schema(description = "A dataset whose title completes the prefix")
    public record TitleSuggestion(@Schema(example = "bic-7f3a2c") String id,
            @Schema(example = "Fission yeast gene deletion screen for cell shape") String title) {}
}
