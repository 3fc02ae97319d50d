package org.bioimagecatalog.portal.json;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.util.ArrayList;
import java.util.List;

/** Defensive reads of the API's JSON in Java: a missing field is an empty string or list, never an exception. */
public final class Json {
    private Json() {}

    /** The text at {@code path} (field names), or "" when any step is absent or null. */
    public static String text(JsonNode node, String... path) {
        JsonNode at = at(node, path);
        return at.isValueNode() && !at.isNull() ? at.asText() : "";
    }

    public static JsonNode at(JsonNode node, String... path) {
        JsonNode at = node == null ? MissingNode.getInstance() : node;
        for (String field : path) {
            at = at.path(field);
        }
        return at;
    }

    /** The array at {@code path} as a list of nodes; empty when absent. */
    public static List<JsonNode> list(JsonNode node, String... path) {
        JsonNode at = at(node, path);
        List<JsonNode> items = new ArrayList<>();
        if (at.isArray()) {
            at.forEach(items::add);
        }
        return items;
    }

    /** The first non-empty text among the given fields of {@code node}: reads an old and a new field name alike. */
    public static String firstText(JsonNode node, String... fields) {
        for (String field : fields) {
            String value = text(node, field);
            if (!value.isEmpty()) {
                return value;
            }
        }
        return "";
    }
}
