package org.bioimagecatalog.search.index;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.bioimagecatalog.model.DatasetMetadata;
import org.bioimagecatalog.model.ModelJson;
import org.bioimagecatalog.model.events.DatasetChanged;
import org.bioimagecatalog.model.events.DatasetQuality;
import org.junit.jupiter.api.Test;

/** A message is read as catalog-model defines it; the quality score is the event's. */
class DatasetMessageReaderTest {
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final DatasetMessageReader reader = new DatasetMessageReader(new IndexingMetrics(registry));

    private static DatasetChanged event(DatasetQuality quality) {
        DatasetMetadata metadata = DatasetMetadata.builder().title("Fission yeast screen").build();
        return new DatasetChanged("e-1", 1, "bic-1", Instant.parse("2026-01-01T00:00:00Z"), "hash", "run",
                "bic-1", 3, List.of(), metadata, quality);
    }

    private Optional<IndexableDataset> read(String value) {
        return reader.read(new ConsumerRecord<>("datasets.v1", 0, 7L, "bic-1", value));
    }

    @Test
    void theScoreIsTheEventsAndTheEventIsComplete() {
        IndexableDataset read = read(ModelJson.write(event(new DatasetQuality(61, List.of("license"))))).orElseThrow();
        assertThat(read.quality()).isEqualTo(61);
        assertThat(read.event().metadata().title()).isEqualTo("Fission yeast screen");
        assertThat(read.event().version()).isEqualTo(3);
        assertThat(read(ModelJson.write(event(null))).orElseThrow().quality()).as("no score is normal").isNull();
        assertThat(read(ModelJson.write(event(new DatasetQuality(140, List.of())))).orElseThrow().quality())
                .as("out of range").isNull();
    }

    @Test
    void aScoreInsideTheMetadataIsNotPartOfTheModelAndIsIgnored() throws Exception {
        ObjectNode tree = ModelJson.mapper().valueToTree(event(null));
        ((ObjectNode) tree.get("metadata")).set("quality", ModelJson.mapper().readTree("{\"score\": 83}"));
        IndexableDataset read = read(ModelJson.write(tree)).orElseThrow();
        assertThat(read.quality()).isNull();
        assertThat(read.event().metadata().title()).isEqualTo("Fission yeast screen");
    }

    @Test
    void anUnreadableMessageIsCountedAndSkipped() {
        assertThat(read("{not json")).isEmpty();
        assertThat(read("null")).isEmpty();
        assertThat(registry.get("bic.search.messages.invalid").tag("reason", "unreadable").counter().count())
                .isEqualTo(2.0);
    }
}
