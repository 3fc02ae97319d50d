package org.bioimagecatalog.catalog.dataset;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.bioimagecatalog.model.DatasetMetadata;
import org.bioimagecatalog.model.DatasetSize;
import org.bioimagecatalog.model.Identifier;
import org.bioimagecatalog.model.License;
import org.bioimagecatalog.model.ModelJson;
import org.bioimagecatalog.model.Organism;
import org.bioimagecatalog.model.events.SourceRecordRef;
import org.junit.jupiter.api.Test;

/** The fields a metadata's JSON holds, found without writing it, and the changed fields of a new dataset from them. */
class MetadataFieldsTest {

    private static final List<DatasetMetadata> RECORDS = List.of(
            DatasetMetadata.builder().title("Full").description("d").identifier(Identifier.of("doi", "10.5/x"))
                    .landingPage("https://example.org").organism(new Organism("Danio rerio", "7955"))
                    .keyword("zebrafish").license(new License("CC0-1.0", null, null)).released(LocalDate.of(2020, 1, 1))
                    .size(new DatasetSize(1L, null, null, null)).format("TIFF").accessUrl("https://example.org/d")
                    .funding("NIH").relatedDataset(Identifier.of("idr", "idr0001")).build(),
            new DatasetMetadata("", null, List.of(), "", null, List.of(), null, null, List.of(), null, null,
                    new License(null, null, null), null, null, null, null, null, null, null),
            DatasetMetadata.builder().title("Title only").build());

    @Test
    void presentFieldsAreTheFieldsOfTheJson() {
        for (DatasetMetadata metadata : RECORDS) {
            List<String> json = new ArrayList<>();
            ModelJson.mapper().valueToTree(metadata).fieldNames().forEachRemaining(json::add);

            assertThat(MetadataFields.present(metadata).keySet()).containsExactlyInAnyOrderElementsOf(json);
        }
    }

    @Test
    void aNewDatasetChangedEveryFieldItHasAndItsSourceRecords() {
        List<SourceRecordRef> refs = List.of(new SourceRecordRef("src:1", "src", "1", null));

        assertThat(ChangedFields.between(null, false, refs, RECORDS.get(2))).containsExactly("sourceRecords", "title");
        assertThat(ChangedFields.between(null, false, refs, RECORDS.get(0))).hasSize(14)
                .contains("title", "license", "size", "relatedDatasets", "sourceRecords");
    }
}
