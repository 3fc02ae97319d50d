package org.bioimagecatalog.catalog.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.bioimagecatalog.catalog.merge.FieldProvenance;
import org.bioimagecatalog.catalog.quality.Quality;
import org.bioimagecatalog.catalog.quality.QualityScorer;
import org.bioimagecatalog.model.ModelJson;
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
        DatasetMetadata metadata,
        @Schema(description = "Metadata completeness against the REMBI/MIFA recommended fields") Quality quality,
        @Schema(description = "Per metadata field: the source records its value came from, and what other "
                + "records said when it differs")
        Map<String, FieldProvenance> provenance) {

    private static final TypeReference<Map<String, FieldProvenance>> PROVENANCE = new TypeReference<>() {};

    public static DatasetView of(Dataset dataset) {
        DatasetChanged document = dataset.documentAsEvent();
        Quality quality = dataset.qualityScore == null ? QualityScorer.score(document.metadata())
                : new Quality(dataset.qualityScore, Arrays.asList(dataset.qualityMissing));
        return new DatasetView(dataset.id, dataset.version, dataset.createdAt, dataset.updatedAt,
                document.sourceRecords(), document.metadata(), quality, provenance(dataset.provenance));
    }

    /** The archive ranked first by the merge (whose title the dataset carries); exports name it as publisher. */
    public String firstRankedSource() {
        FieldProvenance title = provenance.get("title");
        if (title != null && !title.from().isEmpty() && title.from().get(0) != null) {
            String key = title.from().get(0);
            return key.substring(0, key.indexOf(':'));
        }
        return sourceRecords.isEmpty() ? "bioimagecatalog" : sourceRecords.get(0).source();
    }

    private static Map<String, FieldProvenance> provenance(String json) {
        if (json == null) {
            return Map.of();
        }
        try {
            return ModelJson.mapper().readValue(json, PROVENANCE);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored provenance is not readable", e);
        }
    }
}
