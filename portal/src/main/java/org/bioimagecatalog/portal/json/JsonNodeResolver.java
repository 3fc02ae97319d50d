package org.bioimagecatalog.portal.json;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.qute.EngineConfiguration;
import io.quarkus.qute.EvalContext;
import io.quarkus.qute.Results;
import io.quarkus.qute.ValueResolver;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * Lets templates read the API's JSON as it comes: {@code {dataset.metadata.title}}. A field the answer lacks (an
 * older or newer service) resolves to nothing, so a page shows what is present and never fails on what is not.
 * Arrays become lists and scalars Java values, so {@code #for}, {@code #if} and {@code .size} behave as for Java data.
 */
@EngineConfiguration
public class JsonNodeResolver implements ValueResolver {

    @Override
    public int getPriority() {
        return 10;
    }

    @Override
    public boolean appliesTo(EvalContext context) {
        return context.getBase() instanceof JsonNode;
    }

    @Override
    public CompletionStage<Object> resolve(EvalContext context) {
        JsonNode base = (JsonNode) context.getBase();
        String name = context.getName();
        if (base.isObject()) {
            return CompletableFuture.completedFuture(base.has(name) ? unwrap(base.get(name)) : null);
        }
        return Results.notFound(context);
    }

    /** A JSON value as the Java value templates expect; objects stay nodes (read on through this resolver). */
    public static Object unwrap(JsonNode node) {
        if (node == null || node.isNull() || node.isMissingNode()) {
            return null;
        }
        if (node.isTextual()) {
            return node.asText();
        }
        if (node.isIntegralNumber()) {
            return node.asLong();
        }
        if (node.isNumber()) {
            return node.asDouble();
        }
        if (node.isBoolean()) {
            return node.asBoolean();
        }
        if (node.isArray()) {
            List<Object> items = new ArrayList<>(node.size());
            node.forEach(item -> items.add(unwrap(item)));
            return items;
        }
        return node;
    }

    /** An object's fields in order, e.g. a facet map or a by-year count. */
    public static Map<String, Object> fields(JsonNode node) {
        Map<String, Object> fields = new LinkedHashMap<>();
        if (node != null && node.isObject()) {
            node.properties().forEach(e -> fields.put(e.getKey(), unwrap(e.getValue())));
        }
        return fields;
    }
}
