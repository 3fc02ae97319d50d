package org.bioimagecatalog.catalog.ingest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
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

    public HarvestedRecord parse(String messageKey, String value) {
        if (value == null || value.isBlank()) {
            throw new RejectedRecordException("empty message value", null);
        }
        JsonNode tree = readTree(value);
        String runId = tree.path("runId").isTextual() ? tree.path("runId").asText() : null;
        JsonNode schemaVersion = tree.path("schemaVersion");
        if (!schemaVersion.canConvertToInt() || schemaVersion.asInt() != HarvestedRecord.SCHEMA_VERSION) {
            throw new RejectedRecordException("unsupported schemaVersion " + schemaVersion
                    + " (this service reads " + HarvestedRecord.SCHEMA_VERSION + ")", runId);
        }
        HarvestedRecord record = toRecord(tree, runId);
        checkKeys(messageKey, record, runId);
        if (!record.deleted()) {
            if (record.metadata() == null) {
                throw new RejectedRecordException("missing metadata (and the record is not marked deleted)", runId);
            }
            if (isBlank(record.metadata().title())) {
                throw new RejectedRecordException("missing metadata.title", runId);
            }
            // JSON can only carry a U+0000 escaped, so only a message with the escape needs the walk over its tree
            if (value.contains("\\u0000") && containsNul(JSON.valueToTree(record.metadata()))) {
                // PostgreSQL cannot store U+0000 in text or jsonb; the harvester's mapper should strip it
                throw new RejectedRecordException("metadata contains a U+0000 (NUL) character", runId);
            }
        }
        return record;
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
