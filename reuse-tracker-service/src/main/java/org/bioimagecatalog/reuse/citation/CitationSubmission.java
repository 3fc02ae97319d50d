package org.bioimagecatalog.reuse.citation;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The body of {@code POST /api/v1/citations}: "this work cites (or describes) this dataset". */
@Schema(name = "CitationSubmission", description = "A publication that reuses (or describes) a catalog dataset")
public record CitationSubmission(
        @NotBlank @Pattern(regexp = "[A-Za-z0-9._:-]{1,200}", message = "must be 1-200 letters, digits, '.', '_', ':' or '-'")
        @Schema(examples = "idr0001", required = true) String datasetId,
        @NotNull @Valid @Schema(required = true) SubmittedPublication publication,
        @NotNull @Pattern(regexp = "REUSE|PRIMARY", message = "must be REUSE or PRIMARY")
        @Schema(enumeration = {"REUSE", "PRIMARY"}, required = true) String relation,
        @Pattern(regexp = HowFound.CODES, message = "must be one of " + HowFound.CODES)
        @Schema(enumeration = {"search-engine", "this-catalog", "the-paper", "a-colleague", "datathon-training", "other"},
                description = "how the citing authors found the dataset") String howFound) {

    @Schema(name = "SubmittedPublication", description = "At least one of doi, pmid, pmcid")
    public record SubmittedPublication(
            @Size(max = 300) @Schema(examples = "10.1038/s41592-021-01249-6") String doi,
            @Size(max = 20) @Schema(examples = "34239101") String pmid,
            @Size(max = 20) @Schema(examples = "PMC8335567") String pmcid,
            @Size(max = 2000) String title,
            @Size(max = 500) String journal,
            @Min(1600) @Max(2200) Integer year,
            @Size(max = 2000) List<@Valid SubmittedAuthor> authors) {}

    @Schema(name = "SubmittedAuthor")
    public record SubmittedAuthor(
            @NotBlank @Size(max = 300) @Schema(examples = "Graml V") String name,
            @Size(max = 60) @Schema(examples = "0000-0002-1825-0097") String orcid) {}
}
