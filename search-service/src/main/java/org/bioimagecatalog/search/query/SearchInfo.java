package org.bioimagecatalog.search.query;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** What the search is served from: the alias, the versioned index behind it and how its text is analysed. */
@Schema(description = "The index serving the search")
public record SearchInfo(
        @Schema(example = "datasets-v1") String index,
        @Schema(example = "datasets") String alias,
        @Schema(description = "Language analyser of the text fields: english where the cluster has it, else"
                + " standard", example = "standard") String analyzer,
        @Schema(example = "1") int mappingVersion,
        @Schema(description = "Datasets in the index", example = "1234") long documents) {}
