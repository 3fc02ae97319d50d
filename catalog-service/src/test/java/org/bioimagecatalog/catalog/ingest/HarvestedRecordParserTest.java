package org.bioimagecatalog.catalog.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.function.Supplier;
import java.util.stream.Stream;
import org.bioimagecatalog.model.DatasetMetadata;
import org.bioimagecatalog.model.DatasetSize;
import org.bioimagecatalog.model.ModelJson;
import org.bioimagecatalog.model.events.HarvestedRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The parser's refusals that no retry could fix, without Quarkus: the U+0000 check and its cheap pre-filter, and
 * the one-parse path giving what the tree path gives (the same record, or the same reason and run id).
 */
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

    static Stream<String> messages() {
        String valid = ModelJson.write(record(DatasetMetadata.builder().title("Cells").description("d")
                .size(new DatasetSize(10L, 2L, null, "2 images")).keyword("mitosis").build()));
        String deleted = ModelJson.write(new HarvestedRecord("e-1", 1, "idr:idr0901", null, null, "run-1", "idr",
                "idr0901", null, true, null));
        return Stream.of(
                valid,
                deleted,
                valid.replace("\"schemaVersion\":1", "\"schemaVersion\":\"1\""),
                valid.replace("\"schemaVersion\":1", "\"schemaVersion\":1.0"),
                valid.replace("\"schemaVersion\":1", "\"schemaVersion\":true"),
                valid.replace("\"schemaVersion\":1", "\"schemaVersion\":null"),
                valid.replace("\"schemaVersion\":1,", ""),
                valid.replace("\"schemaVersion\":1", "\"schemaVersion\":2"),
                valid.replace("\"runId\":\"run-1\"", "\"runId\":42"),
                valid.replace("\"runId\":\"run-1\"", "\"runId\":42").replace("\"key\":\"idr:idr0901\"",
                        "\"key\":\"idr:other\""),
                valid.replace("\"title\":\"Cells\"", "\"title\":1.10"),
                valid.replace("\"title\":\"Cells\"", "\"title\":true"),
                valid.replace("\"title\":\"Cells\"", "\"title\":\" \""),
                valid.replace("\"images\":2", "\"images\":\"2\""),
                valid.replace("\"images\":2", "\"images\":2.7"),
                valid.replace("\"deleted\":false", "\"deleted\":\"false\""),
                valid.replace("\"metadata\":", "\"unknown\":[1,{}],\"metadata\":"),
                valid + " trailing",
                "[" + valid + "]",
                "null",
                "{\"schemaVersion\":1,\"key\":\"idr:idr09");
    }

    @ParameterizedTest
    @MethodSource("messages")
    void parsingOnceGivesWhatTheTreeGives(String message) {
        assertThat(outcome(() -> parser.parse("idr:idr0901", message)))
                .isEqualTo(outcome(() -> parser.parseAsTree("idr:idr0901", message, false)));
    }

    /** The record, or the refusal's reason and run id. */
    private static Object outcome(Supplier<HarvestedRecord> parse) {
        try {
            return parse.get();
        } catch (RejectedRecordException e) {
            return "rejected: " + e.reason() + " (run " + e.runId() + ")";
        }
    }

    private static HarvestedRecord record(DatasetMetadata metadata) {
        return HarvestedRecord.of("run-1", "idr", "idr0901", "https://idr.openmicroscopy.org/", metadata);
    }
}
