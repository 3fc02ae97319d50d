package org.bioimagecatalog.reuse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import org.bioimagecatalog.testsupport.Fixtures;
import org.junit.jupiter.api.Test;

/** The in-memory repair of the shared Scholix v4 schema, and that the validator built from it bites (no boot). */
class ScholixSchemaTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** A link in the shape the export has now: Target.Identifier an object, titles as arrays. */
    private static final String VALID = """
            {"LinkPublicationDate": "2024-05-02",
             "LinkProvider": [{"name": "BioImage Catalog reuse tracker (submitted)"}],
             "RelationshipType": {"Name": "References"},
             "Source": {"Identifier": [{"ID": "10.5555/rpt.2", "IDScheme": "doi", "IDURL": "https://doi.org/10.5555/rpt.2"}],
                        "Type": {"Name": "literature"}, "Title": ["Paper"], "PublicationDate": "2022"},
             "Target": {"Identifier": {"ID": "EMPIAR-10002", "IDScheme": "empiar"},
                        "Type": {"Name": "dataset"}, "Title": ["A dataset"]}}
            """;

    @Test
    void theStoredSchemaIsNotJsonAndTheRepairedOneIsTheSchemaWithSourceAndTargetAlike() throws Exception {
        String stored = Files.readString(Fixtures.require("scholix/schema/json_v4_schema.json"), StandardCharsets.UTF_8);
        assertThatThrownBy(() -> JSON.readTree(stored)).isInstanceOf(JsonProcessingException.class);

        JsonNode schema = JSON.readTree(ScholixSchema.repaired(stored));
        assertThat(schema.path("$schema").asText()).isEqualTo("http://json-schema.org/draft-06/schema#");
        assertThat(schema.path("properties").path("Source").path("properties").fieldNames())
                .toIterable().containsExactly("Identifier", "Type", "Title", "Creator", "PublicationDate", "Publisher");
        assertThat(schema.path("properties").path("Target").path("properties").fieldNames())
                .toIterable().containsExactly("Identifier", "Type", "Title", "Creator", "PublicationDate", "Publisher");
        assertThatThrownBy(() -> ScholixSchema.repaired("{}")).hasMessageContaining("found 0 times");
    }

    @Test
    void theValidatorAcceptsTheExportShapeAndRejectsWhatTheSchemaForbids() throws Exception {
        JsonSchema schema = ScholixSchema.v4();
        assertThat(ScholixSchema.errors(schema, JSON.readTree(VALID))).isEmpty();

        // the export's former shape: Target.Identifier as an array, Title as a string
        String former = VALID.replace("\"Identifier\": {\"ID\": \"EMPIAR-10002\", \"IDScheme\": \"empiar\"}",
                "\"Identifier\": [{\"ID\": \"EMPIAR-10002\", \"IDScheme\": \"empiar\"}]").replace("[\"Paper\"]", "\"Paper\"");
        assertThat(ScholixSchema.errors(schema, JSON.readTree(former))).hasSize(2)
                .anyMatch(e -> e.contains("Target.Identifier")).anyMatch(e -> e.contains("Source.Title"));
        // an unknown relationship and a missing required property
        String broken = VALID.replace("\"References\"", "\"Uses\"").replace("\"LinkPublicationDate\": \"2024-05-02\",", "");
        assertThat(ScholixSchema.errors(schema, JSON.readTree(broken))).hasSize(2)
                .anyMatch(e -> e.contains("LinkPublicationDate")).anyMatch(e -> e.contains("RelationshipType.Name"));
    }
}
