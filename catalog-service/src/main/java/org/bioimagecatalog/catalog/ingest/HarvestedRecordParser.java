package org.bioimagecatalog.catalog.ingest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.type.LogicalType;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import org.bioimagecatalog.model.ModelJson;
import org.bioimagecatalog.model.events.HarvestedRecord;

/**
 * Turns a message of records.harvested.v1 into a {@link HarvestedRecord}, or says precisely why it cannot:
 * everything refused here is a message no retry would fix, so it goes to the DLQ instead of blocking the
 * partition.
 */
@ApplicationScoped
public class HarvestedRecordParser {
    private static final ObjectMapper JSON = ModelJson.mapper();
    /**
     * The model's reader, stricter where binding the text and binding its tree could differ: it refuses a number
     * given as text or as a boolean (the tree's check wants {@code schemaVersion} a number), and a text given as a
     * number or a boolean (a tree keeps {@code 1.10} as the double 1.1, and takes a run id for a refusal's reason
     * only when it is text). What it refuses goes the tree's way, so that path alone decides every refusal.
     */
    private static final ObjectReader STRICT = strictMapper().readerFor(HarvestedRecord.class);

    public HarvestedRecord parse(String messageKey, String value) {
        if (value == null || value.isBlank()) {
            throw new RejectedRecordException("empty message value", null);
        }
        // JSON can only carry a U+0000 escaped: a message without the escape cannot hold one, and a message the
        // strict reader binds at schema version 1 is what the tree would give too, so it is parsed once
        boolean mayHoldNul = value.contains("\\u0000");
        HarvestedRecord record = mayHoldNul ? null : direct(value);
        if (record == null) {
            return parseAsTree(messageKey, value, mayHoldNul);
        }
        check(messageKey, record, record.runId());
        return record;
    }

    /**
     * The record bound straight from the text, or null when the strict reader refuses it or its schema version is
     * not this service's: the tree path then decides, and says why.
     */
    private static HarvestedRecord direct(String value) {
        try {
            HarvestedRecord record = STRICT.readValue(value);
            return record != null && record.schemaVersion() == HarvestedRecord.SCHEMA_VERSION ? record : null;
        } catch (JsonProcessingException | RuntimeException e) {
            return null; // whatever the reason, the tree path finds it again and names it
        }
    }

    /**
     * The message read as a tree first: its schema version checked on the tree, the U+0000 walk made when the text
     * holds the escape, and each refusal's reason (and the run id of a message that names one).
     */
    HarvestedRecord parseAsTree(String messageKey, String value, boolean mayHoldNul) {
        JsonNode tree = readTree(value);
        String runId = tree.path("runId").isTextual() ? tree.path("runId").asText() : null;
        JsonNode schemaVersion = tree.path("schemaVersion");
        if (!schemaVersion.canConvertToInt() || schemaVersion.asInt() != HarvestedRecord.SCHEMA_VERSION) {
            throw new RejectedRecordException("unsupported schemaVersion " + schemaVersion
                    + " (this service reads " + HarvestedRecord.SCHEMA_VERSION + ")", runId);
        }
        HarvestedRecord record = toRecord(tree, runId);
        check(messageKey, record, runId);
        if (!record.deleted() && mayHoldNul && containsNul(JSON.valueToTree(record.metadata()))) {
            // PostgreSQL cannot store U+0000 in text or jsonb; the harvester's mapper should strip it
            throw new RejectedRecordException("metadata contains a U+0000 (NUL) character", runId);
        }
        return record;
    }

    private static void check(String messageKey, HarvestedRecord record, String runId) {
        checkKeys(messageKey, record, runId);
        if (!record.deleted()) {
            if (record.metadata() == null) {
                throw new RejectedRecordException("missing metadata (and the record is not marked deleted)", runId);
            }
            if (isBlank(record.metadata().title())) {
                throw new RejectedRecordException("missing metadata.title", runId);
            }
        }
    }

    private static ObjectMapper strictMapper() {
        ObjectMapper strict = JSON.copy();
        for (LogicalType number : List.of(LogicalType.Integer, LogicalType.Float)) {
            strict.coercionConfigFor(number)
                    .setCoercion(CoercionInputShape.String, CoercionAction.Fail)
                    .setCoercion(CoercionInputShape.EmptyString, CoercionAction.Fail)
                    .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail);
        }
        strict.coercionConfigFor(LogicalType.Textual)
                .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail);
        return strict;
    }

    private static JsonNode readTree(String value) {
        try {
            JsonNode tree = JSON.readTree(value);
            if (tree == null || !tree.isObject()) {
                throw new RejectedRecordException("not a JSON object", null);
            }
            return tree;
        } catch (JsonProcessingException e) {
            throw new RejectedRecordException("not valid JSON: " + e.getOriginalMessage(), null);
        }
    }

    private static HarvestedRecord toRecord(JsonNode tree, String runId) {
        try {
            return JSON.treeToValue(tree, HarvestedRecord.class);
        } catch (JsonProcessingException | IllegalArgumentException e) {
            String detail = e instanceof JsonProcessingException j ? j.getOriginalMessage() : e.getMessage();
            throw new RejectedRecordException("not a HarvestedRecord: " + detail, runId);
        }
    }

    /** Message key, event key and source:nativeId must agree, or ordering per record would not hold. */
    private static void checkKeys(String messageKey, HarvestedRecord record, String runId) {
        if (isBlank(record.source()) || isBlank(record.nativeId())) {
            throw new RejectedRecordException("missing source or nativeId", runId);
        }
        String expected = HarvestedRecord.key(record.source(), record.nativeId());
        if (isBlank(record.key())) {
            throw new RejectedRecordException("missing key (expected " + expected + ")", runId);
        }
        if (!record.key().equals(expected)) {
            throw new RejectedRecordException("key " + record.key() + " does not match source:nativeId " + expected,
                    runId);
        }
        if (messageKey == null) {
            throw new RejectedRecordException("missing message key (expected " + expected + ")", runId);
        }
        if (!messageKey.equals(expected)) {
            throw new RejectedRecordException("message key " + messageKey + " does not match " + expected, runId);
        }
    }

    private static boolean containsNul(JsonNode node) {
        if (node.isTextual()) {
            return node.asText().indexOf('\0') >= 0;
        }
        for (JsonNode child : node) {
            if (containsNul(child)) {
                return true;
            }
        }
        return false;
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }
}
