package org.bioimagecatalog.apidocs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Merges the services' OpenAPI documents (written at build time by SmallRye OpenAPI) into the one document of
 * the public API: a hand-written frame ({@code base.yaml}: info, servers, security schemes, the shared Problem
 * schema) plus every {@code /api/v1/...} path and the other public paths of each service, tagged per service.
 *
 * <p>What the merge normalises, so that the result lints clean and generates a usable client: schemas of the
 * same name are shared when equal and prefixed with the service name when not (refs rewritten); operations get
 * a unique operationId; the services' role requirements become the two API-key schemes; public operations say
 * {@code security: []}; every 4xx/5xx response without a body gets the problem+json body; refs to Jackson's
 * JsonNode become "any value"; schemas no path reaches are dropped.
 *
 * <p>Usage: {@code OpenApiMerge BASE.yaml OUT_DIR name=service-openapi.json...}; writes OUT_DIR/openapi.json and
 * OUT_DIR/openapi.yaml.
 */
public final class OpenApiMerge {
    static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory()
            .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
            .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
            .enable(YAMLGenerator.Feature.ALWAYS_QUOTE_NUMBERS_AS_STRINGS));

    /** Paths outside /api/v1 that are public API all the same; everything else (/q/*, the widget) stays out. */
    static final Set<String> PUBLIC_PATHS = Set.of("/oai", "/opensearch.xml");
    /** Jackson's tree types: in a service's model they mean "any JSON value", not a schema of their own. */
    static final Set<String> ANY_VALUE_SCHEMAS = Set.of("JsonNode", "ObjectNode", "ArrayNode");
    static final String PROBLEM_MEDIA_TYPE = "application/problem+json";
    static final String SCHEMA_REF = "#/components/schemas/";
    private static final List<String> METHODS = List.of("get", "put", "post", "delete", "patch", "head", "options");

    private OpenApiMerge() {}

    public static void main(String[] args) throws IOException {
        if (args.length < 3) {
            throw new IllegalArgumentException("usage: OpenApiMerge BASE.yaml OUT_DIR name=openapi.json...");
        }
        ObjectNode base = (ObjectNode) YAML.readTree(Path.of(args[0]).toFile());
        Map<String, JsonNode> services = new LinkedHashMap<>();
        for (int i = 2; i < args.length; i++) {
            String[] nameAndFile = args[i].split("=", 2);
            Path file = Path.of(nameAndFile[1]);
            if (!Files.exists(file)) {
                throw new IllegalStateException(file + " is missing: the " + nameAndFile[0] + " service writes it when it"
                        + " is packaged (quarkus.smallrye-openapi.store-schema-directory); build it first"
                        + " (./mvnw package -pl api-docs -am)");
            }
            services.put(nameAndFile[0], JSON.readTree(file.toFile()));
        }
        ObjectNode merged = merge(base, services);
        Path out = Files.createDirectories(Path.of(args[1]));
        JSON.writeValue(out.resolve("openapi.json").toFile(), merged);
        YAML.writeValue(out.resolve("openapi.yaml").toFile(), merged);
        System.out.println("[api-docs] merged " + services.keySet() + " into " + out.resolve("openapi.json")
                + " (" + merged.path("paths").size() + " paths, " + merged.path("components").path("schemas").size()
                + " schemas)");
    }

    /** The merged document; {@code services} in the order they are merged (earlier ones keep unprefixed names). */
    public static ObjectNode merge(ObjectNode base, Map<String, JsonNode> services) {
        ObjectNode merged = base.deepCopy();
        ObjectNode paths = merged.withObject("/paths");
        ObjectNode schemas = merged.withObject("/components").withObject("/schemas");
        Set<String> frameSchemas = new HashSet<>();
        schemas.fieldNames().forEachRemaining(frameSchemas::add);
        ArrayNode tags = merged.withArray("/tags");
        ArrayNode tagGroups = merged.withArray("/x-tagGroups");
        Set<String> operationIds = new HashSet<>();

        services.forEach((service, original) -> {
            JsonNode doc = original.deepCopy();
            inlineAnyValues(doc);
            Map<String, String> renames = mergeSchemas(service, doc, schemas, frameSchemas);
            rewriteRefs(doc, renames);
            ArrayNode groupTags = JsonNodeFactory.instance.arrayNode();
            for (JsonNode tag : doc.path("tags")) {
                if (!containsTag(tags, tag.path("name").asText())) {
                    tags.add(tag);
                }
                groupTags.add(tag.path("name").asText());
            }
            doc.path("paths").fields().forEachRemaining(entry -> {
                String path = entry.getKey();
                if (!path.startsWith("/api/v1/") && !PUBLIC_PATHS.contains(path)) {
                    return;
                }
                if (paths.has(path)) {
                    throw new IllegalStateException(path + " is served by two services (" + service + " and another)");
                }
                ObjectNode item = (ObjectNode) entry.getValue();
                for (String method : METHODS) {
                    if (item.get(method) instanceof ObjectNode operation) {
                        normaliseOperation(service, method, path, operation, operationIds);
                    }
                }
                paths.set(path, item);
            });
            ObjectNode group = tagGroups.addObject();
            group.put("name", capitalise(service) + " service");
            group.set("tags", groupTags);
        });
        pruneUnreachableSchemas(merged);
        return merged;
    }

    private static Map<String, String> mergeSchemas(String service, JsonNode doc, ObjectNode schemas,
            Set<String> frameSchemas) {
        Map<String, String> renames = new HashMap<>();
        JsonNode own = doc.path("components").path("schemas");
        own.fieldNames().forEachRemaining(name -> {
            JsonNode schema = own.get(name);
            if (frameSchemas.contains(name) || !schemas.has(name) || schemas.get(name).equals(schema)) {
                return;
            }
            String renamed = capitalise(service) + name;
            if (schemas.has(renamed) && !schemas.get(renamed).equals(schema)) {
                throw new IllegalStateException("schema " + name + " of " + service + " clashes with " + renamed);
            }
            renames.put(name, renamed);
        });
        // the renamed schemas refer to each other by their new names too
        rewriteRefs(own, renames);
        own.fieldNames().forEachRemaining(name -> {
            String target = renames.getOrDefault(name, name);
            if (!schemas.has(target)) {
                schemas.set(target, own.get(name));
            }
        });
        return renames;
    }

    private static void normaliseOperation(String service, String method, String path, ObjectNode operation,
            Set<String> operationIds) {
        String id = operation.path("operationId").asText("");
        if (id.isEmpty()) {
            id = method + pathWords(path);
        }
        if (!operationIds.add(id)) {
            id = service + capitalise(id);
            if (!operationIds.add(id)) {
                throw new IllegalStateException("operationId " + id + " is not unique (" + method + " " + path + ")");
            }
        }
        operation.put("operationId", id);
        operation.put("x-service", service);
        operation.set("security", securityOf(operation.path("security")));
        ObjectNode responses = operation.withObject("/responses");
        responses.fields().forEachRemaining(response -> {
            char kind = response.getKey().charAt(0);
            if ((kind == '4' || kind == '5') && !response.getValue().has("content")) {
                ObjectNode content = ((ObjectNode) response.getValue()).putObject("content");
                content.putObject(PROBLEM_MEDIA_TYPE).putObject("schema").put("$ref", SCHEMA_REF + "Problem");
            }
        });
    }

    /** The services name roles under one undeclared scheme; the merged document names the two ways to send a key. */
    private static ArrayNode securityOf(JsonNode requirements) {
        ArrayNode security = JsonNodeFactory.instance.arrayNode();
        Set<String> roles = new java.util.TreeSet<>();
        boolean secured = false;
        for (JsonNode requirement : requirements) {
            for (JsonNode scopes : requirement) {
                secured = true;
                scopes.forEach(role -> roles.add(role.asText()));
            }
        }
        if (secured) {
            for (String scheme : List.of("ApiKeyBearer", "ApiKeyHeader")) {
                ArrayNode scopes = security.addObject().putArray(scheme);
                roles.forEach(scopes::add);
            }
        }
        return security;
    }

    /** A ref to a Jackson tree type becomes the empty schema (any value), keeping its description. */
    static void inlineAnyValues(JsonNode node) {
        if (node instanceof ObjectNode object) {
            JsonNode ref = object.get("$ref");
            if (ref != null && ref.isTextual() && ref.asText().startsWith(SCHEMA_REF)
                    && ANY_VALUE_SCHEMAS.contains(ref.asText().substring(SCHEMA_REF.length()))) {
                object.remove(List.of("$ref", "type", "items"));
            }
            object.elements().forEachRemaining(OpenApiMerge::inlineAnyValues);
        } else if (node instanceof ArrayNode array) {
            array.elements().forEachRemaining(OpenApiMerge::inlineAnyValues);
        }
    }

    static void rewriteRefs(JsonNode node, Map<String, String> renames) {
        if (renames.isEmpty()) {
            return;
        }
        if (node instanceof ObjectNode object) {
            JsonNode ref = object.get("$ref");
            if (ref != null && ref.isTextual() && ref.asText().startsWith(SCHEMA_REF)) {
                String name = ref.asText().substring(SCHEMA_REF.length());
                if (renames.containsKey(name)) {
                    object.put("$ref", SCHEMA_REF + renames.get(name));
                }
            }
            object.elements().forEachRemaining(child -> rewriteRefs(child, renames));
        } else if (node instanceof ArrayNode array) {
            array.elements().forEachRemaining(child -> rewriteRefs(child, renames));
        }
    }

    private static void pruneUnreachableSchemas(ObjectNode merged) {
        ObjectNode schemas = merged.withObject("/components").withObject("/schemas");
        Set<String> reached = new HashSet<>();
        Deque<JsonNode> todo = new ArrayDeque<>();
        todo.add(merged.path("paths"));
        while (!todo.isEmpty()) {
            JsonNode node = todo.pop();
            JsonNode ref = node.get("$ref");
            if (ref != null && ref.isTextual() && ref.asText().startsWith(SCHEMA_REF)) {
                String name = ref.asText().substring(SCHEMA_REF.length());
                if (reached.add(name) && schemas.has(name)) {
                    todo.add(schemas.get(name));
                }
            }
            node.elements().forEachRemaining(todo::add);
        }
        for (Iterator<String> names = schemas.fieldNames(); names.hasNext();) {
            if (!reached.contains(names.next())) {
                names.remove();
            }
        }
    }

    private static boolean containsTag(ArrayNode tags, String name) {
        for (JsonNode tag : tags) {
            if (tag.path("name").asText().equals(name)) {
                return true;
            }
        }
        return false;
    }

    /** "/api/v1/reuse/datasets/{id}/report" → "ReuseDatasetsIdReport" (for operations without an id). */
    private static String pathWords(String path) {
        StringBuilder words = new StringBuilder();
        for (String part : path.replace("/api/v1/", "/").split("[/{}.\\-]+")) {
            words.append(capitalise(part));
        }
        return words.toString();
    }

    private static String capitalise(String word) {
        return word.isEmpty() ? word : Character.toUpperCase(word.charAt(0)) + word.substring(1);
    }
}
