package org.bioimagecatalog.catalog.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.bioimagecatalog.model.DatasetMetadata;
import org.bioimagecatalog.model.ModelJson;
import org.bioimagecatalog.model.events.HarvestedRecord;
import org.junit.jupiter.api.Test;

/** The parser's refusals that no retry could fix, without Quarkus: the U+0000 check and its cheap pre-filter. */
class HarvestedRecordParserTest {
    private final HarvestedRecordParser parser = new HarvestedRecordParser();

    @Test
    void aNulCharacterAnywhereInTheMetadataIsRefused() {
        HarvestedRecord record = record(DatasetMetadata.builder().title("Cells").description("before\0after").build());

        assertThatThrownBy(() -> parser.parse(record.key(), ModelJson.write(record)))
                .isInstanceOf(RejectedRecordException.class)
                .hasMessageContaining("U+0000");
    }

    @Test
    void theSixCharactersOfANulEscapeAsTextAreKept() {
        // JSON "\\u0000": a backslash followed by u0000, which PostgreSQL stores fine
        HarvestedRecord record = record(DatasetMetadata.builder().title("Cells").description("see \\u0000").build());

        HarvestedRecord parsed = parser.parse(record.key(), ModelJson.write(record));

        assertThat(parsed.metadata().description()).isEqualTo("see \\u0000");
    }

    @Test
    void aRecordWithoutOneIsParsedWhole() {
        HarvestedRecord record = record(DatasetMetadata.builder().title("Cells").keyword("mitosis").build());

        HarvestedRecord parsed = parser.parse(record.key(), ModelJson.write(record));

        assertThat(parsed.key()).isEqualTo("idr:idr0901");
        assertThat(parsed.metadata().keywords()).containsExactly("mitosis");
    }

    private static HarvestedRecord record(DatasetMetadata metadata) {
        return HarvestedRecord.of("run-1", "idr", "idr0901", "https://idr.openmicroscopy.org/", metadata);
    }
}
