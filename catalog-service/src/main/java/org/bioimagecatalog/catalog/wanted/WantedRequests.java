package org.bioimagecatalog.catalog.wanted;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.bioimagecatalog.catalog.api.PlainText;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The bodies sent to {@link WantedResource}. */
public final class WantedRequests {
    private WantedRequests() {}

    @Schema(name = "WantedPost", description = "A request for a dataset or for an analysis pipeline")
    public record Post(
            @NotNull @Pattern(regexp = "dataset|pipeline", message = "must be 'dataset' or 'pipeline'")
            @Schema(enumeration = {"dataset", "pipeline"}, example = "dataset") String kind,
            @PlainText @NotBlank @Size(max = 300) @Schema(example = "Light-sheet images of zebrafish heart with cell-type labels")
            String title,
            @PlainText @Size(max = 10000) @Schema(nullable = true) String description,
            @PlainText @Size(max = 200) @Schema(nullable = true, description = "Who asks, as shown; the API key's name when left out")
            String requester,
            @Size(max = 10) @Schema(nullable = true, description = "Up to 10 tags: lower-case letters, digits, '-', '_', '.', "
                    + "'+', ':', at most 50 characters", example = "[\"zebrafish\", \"segmentation\"]")
            List<String> tags) {}

    @Schema(name = "WantedStatusChange", description = "A new status; 'fulfilled' names what fulfils the request")
    public record StatusChange(
            @NotNull @Pattern(regexp = "open|in_progress|fulfilled", message = "must be open, in_progress or fulfilled")
            @Schema(enumeration = {"open", "in_progress", "fulfilled"}) String status,
            @PlainText @Size(max = 100) @Schema(nullable = true, description = "A dataset of this catalog (required to fulfil a "
                    + "dataset request)", example = "bic-3f1b2c4d5e6f") String fulfilledByDataset,
            @PlainText @Size(max = 2000) @Schema(nullable = true, description = "An http(s) link to the pipeline (required to "
                    + "fulfil a pipeline request)", example = "https://github.com/example/heart-seg") String fulfilledByUrl) {}
}
