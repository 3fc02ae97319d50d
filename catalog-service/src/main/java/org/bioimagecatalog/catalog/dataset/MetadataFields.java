package org.bioimagecatalog.catalog.dataset;

import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.bioimagecatalog.model.DatasetMetadata;

/**
 * The top-level fields of a {@link DatasetMetadata} that its JSON holds ({@code NON_EMPTY}: no null, empty text or
 * empty list), with their values: what the merge and the history compare field by field,
 * without writing the metadata to a JSON tree first.
 */
public final class MetadataFields {
    private record Field(String name, Function<DatasetMetadata, Object> value) {}

    /** Every component, in declaration order, read by its accessor (not by reflection: this runs per record). */
    private static final List<Field> FIELDS = List.of(
            new Field("title", DatasetMetadata::title),
            new Field("description", DatasetMetadata::description),
            new Field("identifiers", DatasetMetadata::identifiers),
            new Field("landingPage", DatasetMetadata::landingPage),
            new Field("creators", DatasetMetadata::creators),
            new Field("publications", DatasetMetadata::publications),
            new Field("organisms", DatasetMetadata::organisms),
            new Field("imagingMethods", DatasetMetadata::imagingMethods),
            new Field("studyTypes", DatasetMetadata::studyTypes),
            new Field("sampleTypes", DatasetMetadata::sampleTypes),
            new Field("keywords", DatasetMetadata::keywords),
            new Field("license", DatasetMetadata::license),
            new Field("released", DatasetMetadata::released),
            new Field("modified", DatasetMetadata::modified),
            new Field("size", DatasetMetadata::size),
            new Field("formats", DatasetMetadata::formats),
            new Field("accessUrls", DatasetMetadata::accessUrls),
            new Field("funding", DatasetMetadata::funding),
            new Field("relatedDatasets", DatasetMetadata::relatedDatasets),
            new Field("cellLines", DatasetMetadata::cellLines),
            new Field("samplePreparation", DatasetMetadata::samplePreparation),
            new Field("visualizationMethods", DatasetMetadata::visualizationMethods),
            new Field("imagingParameters", DatasetMetadata::imagingParameters));

    static {
        List<String> components = Arrays.stream(DatasetMetadata.class.getRecordComponents())
                .map(RecordComponent::getName).toList();
        if (!components.equals(FIELDS.stream().map(Field::name).toList())) {
            throw new IllegalStateException("MetadataFields lists other fields than DatasetMetadata has: " + components);
        }
    }

    private MetadataFields() {}

    public static Map<String, Object> present(DatasetMetadata metadata) {
        Map<String, Object> present = new LinkedHashMap<>();
        for (Field field : FIELDS) {
            Object value = field.value().apply(metadata);
            if (value == null || value instanceof String text && text.isEmpty()
                    || value instanceof Collection<?> list && list.isEmpty()) {
                continue;
            }
            present.put(field.name(), value);
        }
        return present;
    }
}
