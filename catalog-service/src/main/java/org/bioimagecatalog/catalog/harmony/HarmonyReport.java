package org.bioimagecatalog.catalog.harmony;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** How far the catalog speaks one vocabulary: figures over the live canonical datasets. */
@Schema(name = "HarmonyReport")
public record HarmonyReport(
        @Schema(description = "Live datasets") long datasets,
        @Schema(description = "The normaliser version of this service") int normaliserVersion,
        @Schema(description = "Live datasets still built by an older normaliser") long datasetsOnOlderNormaliser,
        @Schema(description = "Per field: organisms, imagingMethods, cellLines, formats, license") List<Field> fields,
        @Schema(description = "Term ids shown under more than one display name (canonical name, else the label) "
                + "across all fields: a facet would show one id as several buckets. Must be 0.")
        long idsWithSeveralNames,
        @Schema(description = "Live datasets built from the records of more than one archive") long multiArchiveDatasets) {

    @Schema(name = "HarmonyField")
    public record Field(
            @Schema(example = "organisms") String field,
            @Schema(description = "Values of this field over all datasets") long values,
            @Schema(description = "Values that carry a vocabulary id") long withId,
            @Schema(description = "withId / values, null without values", example = "0.994") Double share,
            @Schema(description = "Ids of this field with more than one display name") long idsWithSeveralNames,
            @Schema(description = "The labels without an id, most frequent first (top N)") List<LabelCount> unresolved) {}

    @Schema(name = "HarmonyLabelCount")
    public record LabelCount(String label, long count) {}
}
