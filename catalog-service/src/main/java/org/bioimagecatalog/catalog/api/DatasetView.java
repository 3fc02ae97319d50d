package org.bioimagecatalog.catalog.api;

import java.time.Instant;
import java.util.List;
import org.bioimagecatalog.catalog.dataset.Dataset;
import org.bioimagecatalog.model.DatasetMetadata;
import org.bioimagecatalog.model.events.DatasetChanged;
import org.bioimagecatalog.model.events.SourceRecordRef;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A canonical dataset as the API shows it: the current published document plus its timestamps. */
@Schema(name = "Dataset", description = "A canonical dataset and the source records it was built from")
public record DatasetView(
        @Schema(example = "bic-3f1b2c4d5e6f") String id,
        @Schema(description = "Increases by one with every change", example = "2") int version,
        Instant created,
        Instant updated,
        List<SourceRecordRef> sourceRecords,
        DatasetMetadata metadata) {

    static DatasetView of(Dataset dataset) {
        DatasetChanged document = dataset.documentAsEvent();
        return new DatasetView(dataset.id, dataset.version, dataset.createdAt, dataset.updatedAt,
                document.sourceRecords(), document.metadata());
    }
}
