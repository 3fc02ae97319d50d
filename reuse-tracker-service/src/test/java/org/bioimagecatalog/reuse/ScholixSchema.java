package org.bioimagecatalog.reuse;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import org.bioimagecatalog.testsupport.Fixtures;

/**
 * The official Scholix v4 JSON schema ({@code ../shared/fixtures/scholix/schema/json_v4_schema.json}, draft-06),
 * as a validator.
 *
 * <p>The stored file is not valid JSON: in {@code Source.properties.Identifier} the object that closes
 * {@code items} is not followed by the brace that closes {@code Identifier} itself, so the parser fails at the
 * end of the file ("line 641") and, read leniently, {@code Source.Type/Title/Creator/…} would land inside
 * {@code Identifier}. The repair is done in memory, at exactly that one place (the {@code }} before
 * {@code "Type": {"$id": "/properties/Source/properties/Type"}} gets its missing partner), and refused if that
 * place is not found exactly once; the shared file is never changed. After the repair {@code Source} and
 * {@code Target} have the same six properties, as in the v3 schema.
 */
final class ScholixSchema {
    private static final Pattern MISSING_BRACE = Pattern.compile(
            "}(,\\s*\"Type\": \\{\\s*\"\\$id\": \"/properties/Source/properties/Type\")");

    private ScholixSchema() {}

    static String repaired(String stored) {
        long found = MISSING_BRACE.matcher(stored).results().count();
        if (found != 1) {
            throw new IllegalStateException("the Scholix v4 schema changed: its known defect is found " + found
                    + " times, expected once");
        }
        return MISSING_BRACE.matcher(stored).replaceFirst("}}$1");
    }

    /** Validator for the repaired v4 schema; skips the calling test when ../shared is absent. */
    static JsonSchema v4() {
        Path file = Fixtures.require("scholix/schema/json_v4_schema.json");
        try {
            JsonNode schema = new ObjectMapper().readTree(repaired(Files.readString(file, StandardCharsets.UTF_8)));
            return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V6).getSchema(schema);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read the Scholix schema " + file, e);
        }
    }

    /** The schema's complaints about one link (empty = valid). */
    static List<String> errors(JsonSchema schema, JsonNode link) {
        return schema.validate(link).stream().map(ValidationMessage::getMessage).sorted().toList();
    }
}
