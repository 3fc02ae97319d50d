package org.bioimagecatalog.catalog.dataset;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Objects;
import java.util.SortedSet;
import java.util.TreeSet;
import org.bioimagecatalog.model.DatasetMetadata;
import org.bioimagecatalog.model.ModelJson;
import org.bioimagecatalog.model.events.DatasetChanged;
import org.bioimagecatalog.model.events.SourceRecordRef;

/**
 * The top-level fields in which a new version differs from the previous one ({@code title},
 * {@code organisms}, {@code sourceRecords}, {@code withdrawn} …), sorted: enough for a history view to say
 * what changed without storing a full diff.
 */
public final class ChangedFields {

    public static final String SOURCE_RECORDS = "sourceRecords";
    public static final String WITHDRAWN = "withdrawn";

    private ChangedFields() {}

    /** @param previous the last published document, or null for a new dataset */
    public static List<String> between(DatasetChanged previous, boolean wasWithdrawn, List<SourceRecordRef> sourceRecords,
            DatasetMetadata metadata) {
        SortedSet<String> changed = new TreeSet<>();
        if (previous == null || previous.metadata() == null) {
            changed.addAll(MetadataFields.present(metadata).keySet()); // all of them: no JSON trees needed
        } else {
            JsonNode before = ModelJson.mapper().valueToTree(previous.metadata());
            JsonNode after = ModelJson.mapper().valueToTree(metadata);
            before.fieldNames().forEachRemaining(name -> addIfDifferent(changed, name, before, after));
            after.fieldNames().forEachRemaining(name -> addIfDifferent(changed, name, before, after));
        }
        if (previous == null || !previous.sourceRecords().equals(sourceRecords)) {
            changed.add(SOURCE_RECORDS);
        }
        if (wasWithdrawn) {
            changed.add(WITHDRAWN);
        }
        return List.copyOf(changed);
    }

    private static void addIfDifferent(SortedSet<String> changed, String name, JsonNode before, JsonNode after) {
        if (!Objects.equals(before.get(name), after.get(name))) {
            changed.add(name);
        }
    }
}
