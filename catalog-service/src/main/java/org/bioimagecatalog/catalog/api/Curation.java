package org.bioimagecatalog.catalog.api;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.bioimagecatalog.catalog.dataset.Dataset;
import org.bioimagecatalog.catalog.merge.MergeDecisions;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The bodies and answer of the curator's split and join ({@link DatasetResource}). */
public final class Curation {
    private Curation() {}

    @Schema(name = "SplitRequest")
    public record SplitRequest(
            @NotBlank @Schema(description = "The source record to take out of the dataset", example = "zenodo:3657044")
            String sourceKey,
            @Size(max = 200) @Schema(description = "Who decided (until API keys name the curator)", nullable = true)
            String decidedBy) {}

    @Schema(name = "JoinRequest")
    public record JoinRequest(
            @NotBlank @Schema(description = "The dataset to join with this one", example = "bic-9c1d2e3f4a5b")
            String otherId,
            @Size(max = 200) @Schema(nullable = true) String decidedBy) {}

    @Schema(name = "MergeDecisionOutcome")
    public record OutcomeView(long decisionId, @Schema(example = "split") String kind,
            @Schema(description = "The live datasets the records form now") List<DatasetView> datasets,
            @Schema(description = "Dataset ids that disappeared into another (301 from now on)") List<String> mergedAway) {

        static OutcomeView of(MergeDecisions.Outcome outcome) {
            return new OutcomeView(outcome.decisionId(), outcome.kind(),
                    outcome.datasetIds().stream().map(id -> DatasetView.of(Dataset.findById(id))).toList(),
                    outcome.mergedAway());
        }
    }

}
