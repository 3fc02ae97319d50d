package org.bioimagecatalog.model.vocab;

import java.util.Arrays;

/** The {@code DatasetMetadata} field that holds the terms of an FBbi branch. */
public enum FbbiField {
    IMAGING_METHODS("imagingMethods"),
    SAMPLE_PREPARATION("samplePreparation"),
    VISUALIZATION_METHODS("visualizationMethods"),
    IMAGING_PARAMETERS("imagingParameters");

    private final String fieldName;

    FbbiField(String fieldName) {
        this.fieldName = fieldName;
    }

    /** The JSON / Java field name, as written in {@code vocab/fbbi-branches.tsv}. */
    public String fieldName() {
        return fieldName;
    }

    static FbbiField ofFieldName(String name) {
        return Arrays.stream(values()).filter(f -> f.fieldName.equals(name)).findFirst()
                .orElseThrow(() -> new IllegalStateException("unknown field " + name + " in vocab/fbbi-branches.tsv"));
    }
}
