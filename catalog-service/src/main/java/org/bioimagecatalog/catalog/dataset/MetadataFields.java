package org.bioimagecatalog.catalog.dataset;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import org.bioimagecatalog.model.DatasetMetadata;

/**
 * The top-level fields of a {@link DatasetMetadata} that its JSON holds ({@code NON_EMPTY}: no null, empty text or
 * empty list), with their values: what the merge and the history compare field by field,
 * without writing the metadata to a JSON tree first.
 */
public final class MetadataFields {
    private static final RecordComponent[] FIELDS = DatasetMetadata.class.getRecordComponents();

    private MetadataFields() {}

    public static Map<String, Object> present(DatasetMetadata metadata) {
        Map<String, Object> present = new LinkedHashMap<>();
        for (RecordComponent field : FIELDS) {
            Object value;
            try {
                value = field.getAccessor().invoke(metadata);
            } catch (IllegalAccessException | InvocationTargetException e) {
                throw new IllegalStateException("cannot read DatasetMetadata." + field.getName(), e);
            }
            if (value == null || value instanceof String text && text.isEmpty()
                    || value instanceof Collection<?> list && list.isEmpty()) {
                continue;
            }
            present.put(field.getName(), value);
        }
        return present;
    }
}
