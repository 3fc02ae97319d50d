package org.bioimagecatalog.catalog.wanted;

import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "WantedRequest", description = "A public request for a dataset or an analysis pipeline")
public record WantedView(
        long id,
        @Schema(description = "The request's URL") String url,
        @Schema(enumeration = {"dataset", "pipeline"}) String kind,
        String title,
        @Schema(nullable = true) String description,
        String requester,
        List<String> tags,
        @Schema(description = "One per API key identity") int votes,
        @Schema(enumeration = {"open", "in_progress", "fulfilled"}) String status,
        @Schema(nullable = true, description = "What fulfils it, when fulfilled") FulfilledBy fulfilledBy,
        Instant created,
        Instant updated) {

    @Schema(name = "WantedFulfilledBy")
    public record FulfilledBy(
            @Schema(nullable = true, example = "bic-3f1b2c4d5e6f") String dataset,
            @Schema(nullable = true, description = "The dataset's URL in this API") String datasetUrl,
            @Schema(nullable = true, example = "https://github.com/example/heart-seg") String url) {}

    static WantedView of(WantedItem w, String self, String datasetsBase) {
        FulfilledBy by = w.fulfilledByDataset() == null && w.fulfilledByUrl() == null ? null
                : new FulfilledBy(w.fulfilledByDataset(),
                        w.fulfilledByDataset() == null ? null : datasetsBase + "/" + w.fulfilledByDataset(),
                        w.fulfilledByUrl());
        return new WantedView(w.id(), self, w.kind(), w.title(), w.description(), w.requester(), w.tags(), w.votes(),
                w.status(), by, w.createdAt(), w.updatedAt());
    }
}
