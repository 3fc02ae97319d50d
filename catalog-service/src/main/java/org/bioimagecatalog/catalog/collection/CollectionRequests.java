package org.bioimagecatalog.catalog.collection;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.bioimagecatalog.catalog.api.PlainText;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The bodies curators send to {@link CollectionResource}. */
public final class CollectionRequests {
    private CollectionRequests() {}

    @Schema(name = "CollectionRequest", description = "A collection's title, description and curator (and, on "
            + "creation, its first datasets)")
    public record Details(
            @PlainText @NotBlank @Size(max = 300) @Schema(example = "Cell Painting datathon 2026") String title,
            @PlainText @Size(max = 10000) @Schema(nullable = true, example = "Plates with matching compound annotations")
            String description,
            @PlainText @Size(max = 200) @Schema(nullable = true, description = "Who answers for the collection; the API key's "
                    + "name when left out", example = "Jane Doe, EMBL-EBI")
            String curator,
            @Valid @Size(max = 1000) @Schema(nullable = true, description = "Creation only: datasets to start with")
            List<Item> datasets) {}

    @Schema(name = "CollectionItemRequest")
    public record Item(
            @PlainText @NotBlank @Size(max = 100) @Schema(example = "bic-3f1b2c4d5e6f") String datasetId,
            @PlainText @Size(max = 4000) @Schema(nullable = true, description = "Why the dataset is in the collection",
                    example = "Use plates 1-3 only") String note) {}
}
