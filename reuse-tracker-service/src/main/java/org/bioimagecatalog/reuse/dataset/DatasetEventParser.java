package org.bioimagecatalog.reuse.dataset;

import org.bioimagecatalog.model.ModelJson;
import org.bioimagecatalog.model.events.DatasetChanged;

/** Reads a datasets.v1 value and refuses what cannot be applied, with a reason fit for the log. */
final class DatasetEventParser {
    private DatasetEventParser() {}

    static DatasetChanged parse(String key, String json) {
        DatasetChanged event;
        try {
            event = ModelJson.read(json, DatasetChanged.class);
        } catch (IllegalArgumentException e) {
            throw new UnreadableDatasetEvent(e.getMessage());
        }
        if (event == null) {
            throw new UnreadableDatasetEvent("the value is JSON null");
        }
        if (event.schemaVersion() != DatasetChanged.SCHEMA_VERSION) {
            throw new UnreadableDatasetEvent("schemaVersion " + event.schemaVersion() + ", this service reads "
                    + DatasetChanged.SCHEMA_VERSION);
        }
        if (event.datasetId() == null || event.datasetId().isBlank()) {
            throw new UnreadableDatasetEvent("no datasetId");
        }
        if (key != null && !key.equals(event.datasetId())) {
            throw new UnreadableDatasetEvent("record key " + key + " differs from datasetId " + event.datasetId());
        }
        if (event.metadata() == null) {
            throw new UnreadableDatasetEvent("no metadata");
        }
        return event;
    }
}
