package org.bioimagecatalog.harvester.gide;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.bioimagecatalog.harvester.files.InvalidRecordException;
import org.bioimagecatalog.harvester.files.JsonRecords;

/**
 * The flattened JSON-LD {@code @graph} of an RO-Crate: entities by {@code @id}, references followed by
 * {@code @id}, {@code @type} read whether it is a string or a list, and compact IRIs ({@code obo:FBbi_00000251})
 * expanded with the prefixes the crate's {@code @context} declares. A reference to an entity the graph does not
 * hold (a bare ontology IRI) resolves to a stub that carries only its {@code @id}.
 */
final class RoCrateGraph {
    private final Map<String, JsonNode> byId = new LinkedHashMap<>();
    private final Map<String, String> prefixes = new HashMap<>();

    private RoCrateGraph() {}

    static RoCrateGraph of(JsonNode document) throws InvalidRecordException {
        if (!document.isObject()) {
            throw new InvalidRecordException("not an RO-Crate: the document is not a JSON object");
        }
        JsonNode graph = document.get("@graph");
        if (graph == null || !graph.isArray()) {
            throw new InvalidRecordException("not an RO-Crate: it has no '@graph' array");
        }
        RoCrateGraph crate = new RoCrateGraph();
        crate.prefixes.put("obo", "http://purl.obolibrary.org/obo/");
        for (JsonNode context : JsonRecords.items(document.get("@context"))) {
            if (context.isObject()) {
                context.fields().forEachRemaining(e -> {
                    if (e.getValue().isTextual() && e.getValue().asText().matches("^https?://.*[/#]$")) {
                        crate.prefixes.put(e.getKey(), e.getValue().asText());
                    }
                });
            }
        }
        for (JsonNode entity : graph) {
            String id = JsonRecords.text(entity, "@id");
            if (entity.isObject() && id != null) {
                crate.byId.put(id, entity);
            }
        }
        return crate;
    }

    Optional<JsonNode> entity(String id) {
        return Optional.ofNullable(byId.get(id));
    }

    List<JsonNode> entities() {
        return List.copyOf(byId.values());
    }

    static List<String> types(JsonNode entity) {
        List<String> types = new ArrayList<>();
        for (JsonNode t : JsonRecords.items(entity.get("@type"))) {
            if (t.isTextual()) {
                types.add(t.asText().strip());
            }
        }
        return types;
    }

    static boolean isA(JsonNode entity, String... wanted) {
        List<String> types = types(entity);
        for (String w : wanted) {
            if (types.contains(w)) {
                return true;
            }
        }
        return false;
    }

    /**
     * The entities a property refers to, in order: {@code {"@id": …}} references resolved through the graph (or
     * as stubs), embedded objects as they are. Plain strings are not references and are skipped.
     */
    List<JsonNode> refs(JsonNode entity, String property) {
        List<JsonNode> found = new ArrayList<>();
        for (JsonNode value : JsonRecords.items(entity.get(property))) {
            if (!value.isObject()) {
                continue;
            }
            String id = JsonRecords.text(value, "@id");
            if (id != null && value.size() == 1) {
                found.add(byId.containsKey(id) ? byId.get(id) : stub(id));
            } else {
                found.add(value);
            }
        }
        return found;
    }

    /** A property's values as text: strings as they are, references as their (expanded) {@code @id}. */
    List<String> texts(JsonNode entity, String property) {
        List<String> texts = new ArrayList<>();
        for (JsonNode value : JsonRecords.items(entity.get(property))) {
            String text = value.isObject() ? JsonRecords.text(value, "@id") : JsonRecords.text(value);
            if (text != null) {
                texts.add(value.isObject() ? expand(text) : text);
            }
        }
        return texts;
    }

    /** The entity's {@code @id} with a declared prefix expanded: {@code obo:X_1} → {@code http://purl.obolibrary.org/obo/X_1}. */
    String iri(JsonNode entity) {
        String id = JsonRecords.text(entity, "@id");
        return id == null ? null : expand(id);
    }

    String expand(String id) {
        int colon = id.indexOf(':');
        if (colon > 0 && !id.startsWith("http")) {
            String base = prefixes.get(id.substring(0, colon));
            if (base != null) {
                return base + id.substring(colon + 1);
            }
        }
        return id;
    }

    private static JsonNode stub(String id) {
        ObjectNode stub = JsonNodeFactory.instance.objectNode();
        stub.put("@id", id);
        return stub;
    }
}
