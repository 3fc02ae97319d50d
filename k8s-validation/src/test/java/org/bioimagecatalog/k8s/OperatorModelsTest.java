package org.bioimagecatalog.k8s;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import io.strimzi.api.kafka.model.kafka.Kafka;
import io.strimzi.api.kafka.model.nodepool.KafkaNodePool;
import io.strimzi.api.kafka.model.topic.KafkaTopic;

/**
 * Reads every object into the typed model its consumer uses - the Kubernetes API types of the fabric8 model and
 * Strimzi's own {@code io.strimzi:api} (what the Strimzi operator reads its CRs with) - and fails on a field the
 * model does not know (a typo, a field at the wrong level) or a value of the wrong type or enum. The JSON schemas
 * do not catch unknown fields; these models keep them aside (additionalProperties), which is what is checked here.
 * A value the model cannot take (an enum constant it does not know reads as null) is caught by writing the typed
 * object back and comparing: every value of the manifest must come back unchanged.
 */
class OperatorModelsTest {

    /** "apiVersion kind" to the model class. */
    static final Map<String, Class<?>> MODELS = Map.ofEntries(
            Map.entry("v1 ConfigMap", ConfigMap.class),
            Map.entry("v1 Secret", Secret.class),
            Map.entry("v1 Service", Service.class),
            Map.entry("apps/v1 Deployment", Deployment.class),
            Map.entry("autoscaling/v2 HorizontalPodAutoscaler", HorizontalPodAutoscaler.class),
            Map.entry("policy/v1 PodDisruptionBudget", PodDisruptionBudget.class),
            Map.entry("networking.k8s.io/v1 NetworkPolicy", NetworkPolicy.class),
            Map.entry("networking.k8s.io/v1 Ingress", Ingress.class),
            Map.entry("kafka.strimzi.io/v1 Kafka", Kafka.class),
            Map.entry("kafka.strimzi.io/v1 KafkaNodePool", KafkaNodePool.class),
            Map.entry("kafka.strimzi.io/v1 KafkaTopic", KafkaTopic.class));

    private static final ObjectMapper MAPPER = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, true);

    static List<String> overlays() {
        return Manifests.overlays();
    }

    @ParameterizedTest(name = "overlay {0}")
    @MethodSource("overlays")
    void everyObjectReadsIntoItsModelWithoutUnknownFields(String overlay) {
        List<String> problems = new ArrayList<>();
        int strimzi = 0;
        for (Map<String, Object> object : Manifests.overlay(overlay)) {
            Class<?> model = MODELS.get(object.get("apiVersion") + " " + object.get("kind"));
            if (model == null) {
                continue;   // KubernetesSchemaTest accounts for every kind
            }
            strimzi += model.getPackageName().startsWith("io.strimzi") ? 1 : 0;
            problems.addAll(check(object, model));
        }
        assertThat(problems).as("fields the models do not know, or values they cannot read").isEmpty();
        assertThat(strimzi).as("Strimzi objects checked").isGreaterThanOrEqualTo(6);
    }

    @Test
    void aMisspelledFieldIsReported() {
        Map<String, Object> topic = Map.of("apiVersion", "kafka.strimzi.io/v1", "kind", "KafkaTopic",
                "metadata", Map.of("name", "t"),
                "spec", Map.of("partitions", 3, "replica", 1));
        assertThat(check(topic, KafkaTopic.class)).singleElement().asString().contains("/spec: replica");

        Map<String, Object> deployment = Map.of("apiVersion", "apps/v1", "kind", "Deployment",
                "metadata", Map.of("name", "d"),
                "spec", Map.of("template", Map.of("spec", Map.of("containers",
                        List.of(Map.of("name", "c", "image", "i", "livenesProbe", Map.of()))))));
        assertThat(check(deployment, Deployment.class)).singleElement().asString()
                .contains("/spec/template/spec/containers/0: livenesProbe");
    }

    @Test
    void aValueOfTheWrongEnumOrTypeIsReported() {
        Map<String, Object> kafka = Map.of("apiVersion", "kafka.strimzi.io/v1", "kind", "Kafka",
                "metadata", Map.of("name", "k"),
                "spec", Map.of("kafka", Map.of("listeners",
                        List.of(Map.of("name", "plain", "port", 9092, "type", "public", "tls", false)))));
        assertThat(check(kafka, Kafka.class)).singleElement().asString()
                .contains("/spec/kafka/listeners/0/type: public");

        Map<String, Object> pool = Map.of("apiVersion", "kafka.strimzi.io/v1", "kind", "KafkaNodePool",
                "metadata", Map.of("name", "p"),
                "spec", Map.of("replicas", "three"));
        assertThat(check(pool, KafkaNodePool.class)).singleElement().asString().contains("three");
    }

    static List<String> check(Map<String, Object> object, Class<?> model) {
        String id = object.get("kind") + "/" + Manifests.name(object);
        Object typed;
        try {
            typed = MAPPER.convertValue(object, model);
        } catch (IllegalArgumentException e) {
            return List.of(id + ": " + e.getMessage());
        }
        Set<String> problems = new LinkedHashSet<>();
        collectUnknown(typed, "", id, problems);
        // the models write one fixed apiVersion per class whatever they read; MODELS has checked it already
        Map<String, Object> given = new java.util.LinkedHashMap<>(object);
        given.remove("apiVersion");
        collectChanged(given, MAPPER.convertValue(typed, Object.class), "", id, problems);
        return List.copyOf(problems);
    }

    /** Every value of the manifest must be in what the model writes back, unchanged (defaults may be added). */
    private static void collectChanged(Object given, Object written, String path, String id, Set<String> out) {
        if (given instanceof Map<?, ?> map) {
            Map<?, ?> back = written instanceof Map<?, ?> m ? m : Map.of();
            map.forEach((k, v) -> {
                if (back.containsKey(k)) {
                    collectChanged(v, back.get(k), path + "/" + k, id, out);
                } else if (v != null && !Boolean.FALSE.equals(v)) {   // Strimzi writes its flags only when true
                    out.add(id + " at " + path + "/" + k + ": " + v + " (the model does not take it)");
                }
            });
        } else if (given instanceof List<?> list) {
            List<?> back = written instanceof List<?> l ? l : List.of();
            for (int i = 0; i < list.size(); i++) {
                collectChanged(list.get(i), i < back.size() ? back.get(i) : null, path + "/" + i, id, out);
            }
        } else if (given != null && !String.valueOf(given).equals(String.valueOf(written))) {
            out.add(id + " at " + path + ": " + given + " (the model reads " + written + ")");
        }
    }

    /** Walks the typed object through its getters and reports every non-empty additionalProperties map. */
    private static void collectUnknown(Object node, String path, String id, Set<String> out) {
        if (node == null) {
            return;
        }
        if (node instanceof Collection<?> list) {
            int i = 0;
            for (Object item : list) {
                collectUnknown(item, path + "/" + i++, id, out);
            }
            return;
        }
        if (node instanceof Map<?, ?> map) {
            map.forEach((k, v) -> collectUnknown(v, path + "/" + k, id, out));
            return;
        }
        String pkg = node.getClass().getPackageName();
        if (!pkg.startsWith("io.fabric8.kubernetes.api.model") && !pkg.startsWith("io.strimzi.api")) {
            return;   // strings, numbers, enums
        }
        for (Method getter : node.getClass().getMethods()) {
            if (getter.getParameterCount() != 0 || Modifier.isStatic(getter.getModifiers()) || getter.isBridge()
                    || !getter.getName().startsWith("get") || getter.getName().equals("getClass")) {
                continue;
            }
            Object value;
            try {
                value = getter.invoke(node);
            } catch (IllegalAccessException | InvocationTargetException e) {
                continue;   // derived getters that need state the object has not got
            }
            if (getter.getName().equals("getAdditionalProperties")) {
                if (value instanceof Map<?, ?> extra && !extra.isEmpty()) {
                    out.add(id + " at " + (path.isEmpty() ? "/" : path) + ": " + String.join(", ",
                            extra.keySet().stream().map(String::valueOf).toList()));
                }
            } else {
                collectUnknown(value, path + "/" + fieldName(getter), id, out);
            }
        }
    }

    private static String fieldName(Method getter) {
        String name = getter.getName().substring(3);
        return name.isEmpty() ? name : Character.toLowerCase(name.charAt(0)) + name.substring(1);
    }
}
