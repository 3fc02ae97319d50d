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

/** A message is read in one pass; the quality score follows the same rule as before (metadata first). */
class DatasetMessageReaderSinglePassTest {
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final DatasetMessageReader reader = new DatasetMessageReader(new IndexingMetrics(registry));

    private static DatasetChanged event(DatasetQuality quality) {
        DatasetMetadata metadata = DatasetMetadata.builder().title("Fission yeast screen").build();
        return new DatasetChanged("e-1", 1, "bic-1", Instant.parse("2026-01-01T00:00:00Z"), "hash", "run",
                "bic-1", 3, List.of(), metadata, quality);
    }

    /** The event's JSON with {@code metadata.quality} as older events and bin/bench carry it. */
    private static String withMetadataQuality(DatasetChanged event, String qualityJson) throws Exception {
        ObjectNode tree = ModelJson.mapper().valueToTree(event);
        ((ObjectNode) tree.get("metadata")).set("quality", ModelJson.mapper().readTree(qualityJson));
        return ModelJson.write(tree);
    }

    private Optional<IndexableDataset> read(String value) {
        return reader.read(new ConsumerRecord<>("datasets.v1", 0, 7L, "bic-1", value));
    }

    @Test
    void scoreInTheMetadataIsKeptAndTheEventIsComplete() throws Exception {
        IndexableDataset read = read(withMetadataQuality(event(null), "{\"score\": 83, \"missing\": [\"size\"]}"))
                .orElseThrow();
        assertThat(read.quality()).isEqualTo(83);
        assertThat(read.event().metadata().title()).isEqualTo("Fission yeast screen");
        assertThat(read.event().version()).isEqualTo(3);
    }

    @Test
    void scoreOfTheEventIsUsedWhenTheMetadataHasNone() {
        assertThat(read(ModelJson.write(event(new DatasetQuality(61, List.of())))).orElseThrow().quality())
                .isEqualTo(61);
        assertThat(read(ModelJson.write(event(null))).orElseThrow().quality()).isNull();
        assertThat(read(ModelJson.write(event(new DatasetQuality(140, List.of())))).orElseThrow().quality())
                .as("out of range").isNull();
    }

    @Test
    void theMetadataScoreComesFirstAndAMalformedOneFallsBackToTheEvents() throws Exception {
        DatasetChanged both = event(new DatasetQuality(61, List.of()));
        assertThat(read(withMetadataQuality(both, "{\"score\": 83.4}")).orElseThrow().quality()).isEqualTo(83);
        assertThat(read(withMetadataQuality(both, "{\"score\": \"high\"}")).orElseThrow().quality()).isEqualTo(61);
        assertThat(read(withMetadataQuality(event(null), "\"not an object\"")).orElseThrow().quality()).isNull();
    }

    @Test
    void anUnreadableMessageIsCountedAndSkipped() {
        assertThat(read("{not json")).isEmpty();
        assertThat(read("null")).isEmpty();
        assertThat(registry.get("bic.search.messages.invalid").tag("reason", "unreadable").counter().count())
                .isEqualTo(2.0);
    }
}
