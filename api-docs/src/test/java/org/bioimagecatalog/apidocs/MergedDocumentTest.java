package org.bioimagecatalog.apidocs;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The merged document of the four services (target/openapi, written by the build) and the merge rules. */
class MergedDocumentTest {
    private static final Path DOCUMENT = Path.of("target/openapi/openapi.json");

    private static JsonNode merged() throws IOException {
        return OpenApiMerge.JSON.readTree(DOCUMENT.toFile());
    }

    @Test
    void coversTheWholeApiOfTheFourServicesAndNothingInternal() throws IOException {
        JsonNode doc = merged();
        assertThat(doc.path("openapi").asText()).startsWith("3.1");
        List<String> paths = new ArrayList<>();
        doc.path("paths").fieldNames().forEachRemaining(paths::add);
        assertThat(paths).allMatch(p -> p.startsWith("/api/v1/") || OpenApiMerge.PUBLIC_PATHS.contains(p))
                .contains("/api/v1/harvest/runs", "/api/v1/datasets/{id}", "/api/v1/search",
                        "/api/v1/citations", "/api/v1/reuse/datasets/{id}", "/oai")
                .noneMatch(p -> p.startsWith("/q/"));
        Set<String> services = new HashSet<>();
        forEachOperation(doc, (key, op) -> services.add(op.path("x-service").asText()));
        assertThat(services).containsExactlyInAnyOrder("harvester", "catalog", "search", "reuse");
        assertThat(doc.path("info").path("title").asText()).isEqualTo("BioImage Catalog API");
        assertThat(doc.path("servers")).isNotEmpty();
    }

    @Test
    void everyOperationIsTaggedWithATagOfItsServiceGroupAndHasAUniqueId() throws IOException {
        JsonNode doc = merged();
        Set<String> declared = new HashSet<>();
        doc.path("tags").forEach(t -> declared.add(t.path("name").asText()));
        Set<String> grouped = new HashSet<>();
        doc.path("x-tagGroups").forEach(g -> g.path("tags").forEach(t -> grouped.add(t.asText())));
        assertThat(grouped).isEqualTo(declared);
        Set<String> ids = new HashSet<>();
        forEachOperation(doc, (key, op) -> {
            assertThat(op.path("tags")).as(key).isNotEmpty();
            op.path("tags").forEach(t -> assertThat(declared).as(key).contains(t.asText()));
            assertThat(ids.add(op.path("operationId").asText())).as("unique operationId of " + key).isTrue();
        });
    }

    @Test
    void everyErrorResponseIsTheSharedProblemSchema() throws IOException {
        JsonNode doc = merged();
        assertThat(doc.at("/components/schemas/Problem/properties/type/format").asText()).isEqualTo("uri");
        forEachOperation(doc, (key, op) -> op.path("responses").fields().forEachRemaining(response -> {
            if (response.getKey().startsWith("4") || response.getKey().startsWith("5")) {
                assertThat(response.getValue().at("/content/application~1problem+json/schema/$ref").asText())
                        .as(key + " " + response.getKey()).isEqualTo("#/components/schemas/Problem");
            }
        }));
    }

    @Test
    void writesNeedAnApiKeyAndReadsArePublic() throws IOException {
        JsonNode doc = merged();
        assertThat(doc.at("/components/securitySchemes/ApiKeyBearer/scheme").asText()).isEqualTo("bearer");
        assertThat(doc.at("/components/securitySchemes/ApiKeyHeader/name").asText()).isEqualTo("X-API-Key");
        assertThat(doc.at("/paths/~1api~1v1~1citations/post/security/0/ApiKeyBearer/0").asText()).isEqualTo("submitter");
        assertThat(doc.at("/paths/~1api~1v1~1harvest~1runs/post/security/1/ApiKeyHeader/0").asText()).isEqualTo("admin");
        assertThat(doc.at("/paths/~1api~1v1~1search/get/security").isArray()).isTrue();
        assertThat(doc.at("/paths/~1api~1v1~1search/get/security")).isEmpty();
    }

    @Test
    void clashingSchemasArePrefixedWithTheirServiceAndEqualOnesShared() {
        ObjectNode base = (ObjectNode) json("""
                {"openapi":"3.1.0","info":{"title":"t","version":"1"},"components":{"schemas":{
                  "Problem":{"type":"object"}}}}""");
        JsonNode first = json("""
                {"tags":[{"name":"A"}],"paths":{"/api/v1/a":{"get":{"tags":["A"],"responses":{
                  "200":{"content":{"application/json":{"schema":{"$ref":"#/components/schemas/Item"}}}},
                  "404":{"description":"none"}}}},
                  "/q/health":{"get":{"responses":{}}}},
                 "components":{"schemas":{"Item":{"type":"string"},"Instant":{"type":"string"},
                   "Problem":{"type":"object","title":"theirs"},"Unused":{"type":"string"}}}}""");
        JsonNode second = json("""
                {"tags":[{"name":"B"}],"paths":{"/api/v1/b":{"get":{"tags":["B"],"responses":{
                  "200":{"content":{"application/json":{"schema":{"$ref":"#/components/schemas/Item"}}}}},
                  "security":[{"SecurityScheme":["admin"]}]}}},
                 "components":{"schemas":{"Item":{"type":"object","properties":{"at":{"$ref":"#/components/schemas/Instant"}}},
                   "Instant":{"type":"string"}}}}""");
        Map<String, JsonNode> services = new LinkedHashMap<>();
        services.put("first", first);
        services.put("second", second);

        ObjectNode merged = OpenApiMerge.merge(base, services);

        assertThat(merged.at("/paths/~1api~1v1~1b/get/responses/200/content/application~1json/schema/$ref").asText())
                .isEqualTo("#/components/schemas/SecondItem");
        assertThat(merged.at("/components/schemas/SecondItem/properties/at/$ref").asText())
                .isEqualTo("#/components/schemas/Instant");
        assertThat(merged.at("/components/schemas/Item/type").asText()).isEqualTo("string");
        assertThat(merged.at("/components/schemas/Problem/title").isMissingNode()).as("the frame's Problem wins").isTrue();
        assertThat(merged.at("/components/schemas/Unused").isMissingNode()).isTrue();
        assertThat(merged.at("/paths/~1q~1health").isMissingNode()).isTrue();
        assertThat(merged.at("/paths/~1api~1v1~1a/get/responses/404/content/application~1problem+json/schema/$ref")
                .asText()).isEqualTo("#/components/schemas/Problem");
        assertThat(merged.at("/paths/~1api~1v1~1b/get/security/0/ApiKeyBearer/0").asText()).isEqualTo("admin");
        assertThat(merged.at("/paths/~1api~1v1~1a/get/operationId").asText()).isEqualTo("getA");
        assertThat(merged.at("/x-tagGroups/1/name").asText()).isEqualTo("Second service");
    }

    private interface OperationVisitor {
        void visit(String key, JsonNode operation);
    }

    private static void forEachOperation(JsonNode doc, OperationVisitor visitor) {
        doc.path("paths").fields().forEachRemaining(path -> path.getValue().fields().forEachRemaining(op -> {
            if (op.getValue().isObject() && op.getValue().has("responses")) {
                visitor.visit(op.getKey().toUpperCase() + " " + path.getKey(), op.getValue());
            }
        }));
    }

    private static JsonNode json(String text) {
        try {
            return OpenApiMerge.JSON.readTree(text);
        } catch (IOException e) {
            throw new IllegalArgumentException(e);
        }
    }
}
