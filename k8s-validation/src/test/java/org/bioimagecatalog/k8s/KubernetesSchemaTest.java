package org.bioimagecatalog.k8s;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Every rendered object against the JSON schema of its kind: the Kubernetes API's (npm kubernetes-models) and
 * KEDA's (@kubernetes-models/keda), run by src/test/node/validate.mjs. Required fields, types, enums and formats.
 * Kinds without a schema there must be ones {@link OperatorModelsTest} checks, or ones listed in
 * {@link #NO_SCHEMA_REACHABLE} (documented in docs/operations.md).
 */
class KubernetesSchemaTest {

    /** ECK and CloudNativePG publish their CRDs neither to Maven Central nor to npm. */
    static final Set<String> NO_SCHEMA_REACHABLE = Set.of("Elasticsearch", "Cluster", "ScheduledBackup");

    private static final ObjectMapper JSON = new ObjectMapper();

    static List<String> overlays() {
        return Manifests.overlays();
    }

    @Test
    void thereAreADevAndAProdOverlay() {
        assertThat(Manifests.overlays()).contains("dev", "prod");
    }

    @ParameterizedTest(name = "overlay {0}")
    @MethodSource("overlays")
    void everyObjectOfTheOverlayMatchesItsSchema(String overlay) {
        assertValid(Manifests.overlay(overlay));
    }

    @Test
    void theSecretTemplatesMatchTheSecretSchema() {
        List<Map<String, Object>> templates = Manifests.secretTemplates();
        assertThat(templates).isNotEmpty().allSatisfy(t -> assertThat(t.get("kind")).isEqualTo("Secret"));
        assertValid(templates);
    }

    @Test
    void theValidatorRejectsAnObjectThatBreaksTheSchema() {
        Map<String, Object> broken = Map.of("apiVersion", "apps/v1", "kind", "Deployment",
                "metadata", Map.of("name", "broken"),
                "spec", Map.of("replicas", "two", "template", Map.of()));
        List<JsonNode> results = validate(List.of(broken));
        assertThat(results).singleElement().satisfies(r -> {
            assertThat(r.path("result").asText()).isEqualTo("invalid");
            assertThat(r.path("errors").toString()).contains("/spec/replicas must be integer")
                    .contains("/spec must have required property selector");
        });
    }

    private static void assertValid(List<Map<String, Object>> objects) {
        List<JsonNode> results = validate(objects);
        assertThat(results).hasSameSizeAs(objects);
        List<String> invalid = new ArrayList<>();
        Set<String> withoutSchema = new TreeSet<>();
        for (JsonNode r : results) {
            switch (r.path("result").asText()) {
                case "valid" -> { }
                case "no-schema" -> withoutSchema.add(r.path("kind").asText());
                default -> invalid.add(r.path("kind").asText() + "/" + r.path("name").asText() + ": " + r.path("errors"));
            }
        }
        assertThat(invalid).as("objects that break their schema").isEmpty();
        Set<String> checkedElsewhere = new TreeSet<>(OperatorModelsTest.MODELS.keySet().stream()
                .map(k -> k.substring(k.indexOf(' ') + 1)).toList());
        checkedElsewhere.addAll(NO_SCHEMA_REACHABLE);
        assertThat(checkedElsewhere).as("kinds without a JSON schema").containsAll(withoutSchema);
    }

    static List<JsonNode> validate(List<Map<String, Object>> objects) {
        Path script = Manifests.repo().resolve("k8s-validation/src/test/node/validate.mjs");
        try {
            Process node = new ProcessBuilder("node", script.toString())
                    .directory(script.getParent().toFile())
                    .redirectError(ProcessBuilder.Redirect.INHERIT).start();
            try (OutputStream stdin = node.getOutputStream()) {
                stdin.write(JSON.writeValueAsBytes(objects));
            }
            String out = new String(node.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!node.waitFor(120, TimeUnit.SECONDS) || node.exitValue() != 0) {
                throw new AssertionError("node validate.mjs failed (is `npm ci` done in " + script.getParent() + "?)");
            }
            List<JsonNode> results = new ArrayList<>();
            for (String line : out.split("\n")) {
                if (!line.isBlank()) {
                    results.add(JSON.readTree(line));
                }
            }
            return results;
        } catch (IOException e) {
            throw new IllegalStateException("cannot run node (Node.js is needed for the schema check)", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
