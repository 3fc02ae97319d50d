package org.bioimagecatalog.model.events;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.bioimagecatalog.model.Creator;
import org.bioimagecatalog.model.DatasetMetadata;
import org.bioimagecatalog.model.DatasetSize;
import org.bioimagecatalog.model.Identifier;
import org.bioimagecatalog.model.ImagingMethod;
import org.bioimagecatalog.model.License;
import org.bioimagecatalog.model.ModelJson;
import org.bioimagecatalog.model.Organism;
import org.bioimagecatalog.model.Publication;
import org.junit.jupiter.api.Test;

/**
 * Golden-JSON contracts: the serialised form of each event must equal the checked-in file. A failure here
 * means the wire format changed: bump the event's schemaVersion (and its topic) or undo the change.
 */
class EventContractTest {
    static final Instant AT = Instant.parse("2026-11-25T12:00:00Z");

    static DatasetMetadata idr0001() {
        return DatasetMetadata.builder()
                .title("A genomic Multiprocess survey of machineries that control and link cell shape, microtubule organization, and cell-cycle progression.")
                .identifier(Identifier.of("idr", "idr0001"))
                .identifier(Identifier.of("doi", "10.17867/10000101"))
                .creator(new Creator("Rafael Carazo Salas", null, "University of Bristol", null, List.of("submitter")))
                .publication(new Publication("10.1016/j.devcel.2014.09.005", "25373780", "PMC4648281", null, 2014, null,
                        Publication.Relation.PRIMARY))
                .organism(new Organism("Schizosaccharomyces pombe", "4896"))
                .imagingMethod(new ImagingMethod("spinning disk confocal microscopy", "FBbi:00000253"))
                .studyType("high content screen")
                .license(new License("CC-BY-4.0", "https://creativecommons.org/licenses/by/4.0/", "CC BY 4.0"))
                .released(LocalDate.parse("2016-04-27"))
                .size(new DatasetSize(10_060_000_000_000L, 109_728L, null, null))
                .build();
    }

    @Test
    void harvestedRecordKeepsItsWireFormat() throws IOException {
        var event = new HarvestedRecord("e-1", 1, "idr:idr0001", AT, ModelJson.contentHash(idr0001()), "run-1", "idr",
                "idr0001", "https://example.org/idr0001-study.txt", false, idr0001());
        assertMatchesGolden(event, "harvested-record.json");
        assertThat(ModelJson.read(ModelJson.write(event), HarvestedRecord.class)).isEqualTo(event);
    }

    @Test
    void datasetChangedKeepsItsWireFormat() throws IOException {
        var event = new DatasetChanged("e-2", 1, "bic-0123456789ab", AT, "h", "run-1", "bic-0123456789ab", 3,
                List.of(new SourceRecordRef("idr:idr0001", "idr", "idr0001", "https://idr.openmicroscopy.org/")), idr0001());
        assertMatchesGolden(event, "dataset-changed.json");
        assertThat(ModelJson.read(ModelJson.write(event), DatasetChanged.class)).isEqualTo(event);
        assertThat(event.sources()).containsExactly("idr");
    }

    @Test
    void datasetChangedCarriesAnOptionalQualityScore() throws IOException {
        var event = new DatasetChanged("e-2", 1, "bic-0123456789ab", AT, "h", "run-1", "bic-0123456789ab", 3,
                List.of(new SourceRecordRef("idr:idr0001", "idr", "idr0001", "https://idr.openmicroscopy.org/")), idr0001(),
                new DatasetQuality(75, List.of("sampleType", "creatorOrcid", "formats")));
        assertMatchesGolden(event, "dataset-changed-with-quality.json");
        assertThat(ModelJson.read(ModelJson.write(event), DatasetChanged.class)).isEqualTo(event);
        // an event written before the field existed still reads, with no quality
        try (InputStream in = EventContractTest.class.getResourceAsStream("/golden/dataset-changed.json")) {
            DatasetChanged old = ModelJson.read(new String(in.readAllBytes(), StandardCharsets.UTF_8), DatasetChanged.class);
            assertThat(old.quality()).isNull();
            assertThat(old.version()).isEqualTo(3);
        }
    }

    @Test
    void reuseSummaryKeepsItsWireFormat() throws IOException {
        var event = new ReuseSummary("e-3", 1, "bic-0123456789ab", AT, "h", "bic-0123456789ab", 4, 3, 4,
                Map.of(2016, 1, 2019, 3));
        assertMatchesGolden(event, "reuse-summary.json");
        assertThat(ModelJson.read(ModelJson.write(event), ReuseSummary.class)).isEqualTo(event);
    }

    @Test
    void datasetEventRejectedKeepsItsWireFormatAndOnlyTheStartOfAHugePayload() throws IOException {
        var event = new DatasetEventRejected("e-4", 1, "bic-0123456789ab", AT, "reuse-tracker-service", "datasets.v1",
                1, 42, "unreadable dataset event: not JSON", "{not json");
        assertMatchesGolden(event, "dataset-event-rejected.json");
        assertThat(ModelJson.read(ModelJson.write(event), DatasetEventRejected.class)).isEqualTo(event);
        assertThat(DatasetEventRejected.of("c", "t", 0, 0, "k", "r", "x".repeat(10_000)).payloadExcerpt())
                .hasSize(DatasetEventRejected.EXCERPT_CHARS);
        assertThat(DatasetEventRejected.of("c", "t", 0, 0, "k", "y".repeat(10_000), null).reason())
                .hasSize(DatasetEventRejected.EXCERPT_CHARS);
    }

    @Test
    void equalContentGivesEqualHashesAndAnyChangeANewOne() {
        assertThat(ModelJson.contentHash(idr0001())).isEqualTo(ModelJson.contentHash(idr0001()));
        var changed = DatasetMetadata.builder().title("other").build();
        assertThat(ModelJson.contentHash(changed)).isNotEqualTo(ModelJson.contentHash(idr0001()));
    }

    @Test
    void rejectedRecordKeepsOnlyTheStartOfAHugePayload() {
        var rejected = HarvestRejected.of("run-1", "idr", "idr0999-study.txt", "no Study Title", "x".repeat(10_000));
        assertThat(rejected.payloadExcerpt()).hasSize(2000);
        assertThat(rejected.key()).isEqualTo("idr:idr0999-study.txt");
        assertThat(HarvestRejected.of("run-1", "idr", "f.txt", "z".repeat(10_000), null).reason()).hasSize(2000);
    }

    private static void assertMatchesGolden(Object event, String file) throws IOException {
        JsonNode actual = ModelJson.mapper().readTree(ModelJson.write(event));
        try (InputStream in = EventContractTest.class.getResourceAsStream("/golden/" + file)) {
            assertThat(in).as("golden file " + file).isNotNull();
            JsonNode expected = ModelJson.mapper().readTree(new String(in.readAllBytes(), StandardCharsets.UTF_8));
            assertThat(actual).isEqualTo(expected);
        }
    }
}
