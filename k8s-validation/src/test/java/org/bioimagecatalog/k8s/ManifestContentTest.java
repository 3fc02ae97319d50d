package org.bioimagecatalog.k8s;

import static org.assertj.core.api.Assertions.assertThat;
import static org.bioimagecatalog.k8s.Manifests.at;
import static org.bioimagecatalog.k8s.Manifests.name;
import static org.bioimagecatalog.k8s.Manifests.ofKind;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.bioimagecatalog.model.events.DatasetChanged;
import org.bioimagecatalog.model.events.DatasetEventRejected;
import org.bioimagecatalog.model.events.HarvestRejected;
import org.bioimagecatalog.model.events.HarvestedRecord;
import org.bioimagecatalog.model.events.ReuseSummary;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * What the manifests must agree on with the rest of the repository: the topics of the events and of bin/stack,
 * the services' ports, consumer groups and health paths, the gateway's routes, config and upstreams, the images the
 * Jib profile builds and the engines' versions and schemas the local stack runs.
 */
class ManifestContentTest {

    /** Deployment name to module directory (they are the same) and to the gateway's upstream name. */
    private static final Map<String, String> UPSTREAM = Map.of("harvester-service", "harvester",
            "catalog-service", "catalog", "search-service", "search", "reuse-tracker-service", "reuse", "portal", "portal");
    /** The portal reads only the public API: no keys file to mount. */
    private static final Set<String> WITHOUT_KEYS = Set.of("portal");
    /** The gateway's Deployment and Service (k8s/base/gateway), which the Ingress sends everything to. */
    private static final String GATEWAY = "bic-gateway";
    private static final String GATEWAY_PORT = "8080";

    static List<String> overlays() {
        return Manifests.overlays();
    }

    @ParameterizedTest(name = "overlay {0}")
    @MethodSource("overlays")
    void everyTopicOfTheEventsAndTheStackIsAKafkaTopicWithTheStacksCleanupPolicy(String overlay) {
        Map<String, Map<String, Object>> topics = new LinkedHashMap<>();
        ofKind(Manifests.overlay(overlay), "KafkaTopic").forEach(t -> topics.put(topicName(t), t));

        assertThat(topics.keySet()).containsExactlyInAnyOrder(HarvestedRecord.TOPIC, HarvestRejected.TOPIC,
                DatasetChanged.TOPIC, DatasetEventRejected.TOPIC, ReuseSummary.TOPIC);
        for (StackTopic stack : stackTopics()) {
            Map<String, Object> topic = topics.get(stack.name());
            assertThat(topic).as("KafkaTopic for %s", stack.name()).isNotNull();
            assertThat((Integer) at(topic, "spec", "partitions")).as("partitions of %s", stack.name())
                    .isGreaterThanOrEqualTo(stack.partitions());
            assertThat((String) at(topic, "spec", "config", "cleanup.policy")).as("cleanup.policy of %s", stack.name())
                    .isEqualTo(stack.compacted() ? "compact" : "delete");
        }
    }

    @ParameterizedTest(name = "overlay {0}")
    @MethodSource("overlays")
    void everyServiceRunsNonRootWithProbesResourcesAndTheKeysSecret(String overlay) {
        List<Map<String, Object>> all = ofKind(Manifests.overlay(overlay), "Deployment");
        assertThat(all).extracting(Manifests::name).containsExactlyInAnyOrderElementsOf(deploymentNames());
        List<Map<String, Object>> deployments = all.stream().filter(d -> UPSTREAM.containsKey(name(d))).toList();
        for (Map<String, Object> d : deployments) {
            String service = name(d);
            Map<String, Object> pod = at(d, "spec", "template", "spec");
            Map<String, Object> container = at(pod, "containers", 0);
            assertThat((Boolean) at(pod, "securityContext", "runAsNonRoot")).as(service).isTrue();
            assertThat((Boolean) at(container, "securityContext", "allowPrivilegeEscalation")).as(service).isFalse();
            assertThat((String) at(container, "livenessProbe", "httpGet", "path")).as(service).isEqualTo("/q/health/live");
            assertThat((String) at(container, "readinessProbe", "httpGet", "path")).as(service).isEqualTo("/q/health/ready");
            assertThat((Object) at(container, "resources", "requests", "cpu")).as(service).isNotNull();
            assertThat((Object) at(container, "resources", "limits", "memory")).as(service).isNotNull();
            assertThat((Integer) at(container, "ports", 0, "containerPort")).as("port of %s", service)
                    .isEqualTo(Integer.parseInt(properties(service).getProperty("quarkus.http.port")));
            assertThat((String) container.get("image")).as(service).startsWith(imageRepository(service) + ":");

            assertThat((String) at(d, "spec", "template", "metadata", "labels", "bioimagecatalog.org/tier"))
                    .as("the label the NetworkPolicies admit").isEqualTo("service");
            if (WITHOUT_KEYS.contains(service)) {
                continue;
            }
            List<Map<String, Object>> mounts = at(container, "volumeMounts");
            Map<String, Object> keysMount = mounts.stream().filter(m -> "api-keys".equals(m.get("name"))).findFirst().orElseThrow();
            assertThat(keysMount).containsEntry("mountPath", "/etc/bioimage-catalog").doesNotContainKey("subPath");
            List<Map<String, Object>> volumes = at(pod, "volumes");
            assertThat(volumes).anySatisfy(v -> assertThat((String) at(v, "secret", "secretName")).isEqualTo("bic-api-keys"));
        }
    }

    @ParameterizedTest(name = "overlay {0}")
    @MethodSource("overlays")
    void everyServiceHasAnAutoscalerAndADisruptionBudget(String overlay) {
        List<Map<String, Object>> objects = Manifests.overlay(overlay);
        Set<String> scaled = new TreeSet<>();
        ofKind(objects, "HorizontalPodAutoscaler").forEach(h -> scaled.add(at(h, "spec", "scaleTargetRef", "name")));
        ofKind(objects, "ScaledObject").forEach(s -> assertThat(scaled.add(at(s, "spec", "scaleTargetRef", "name")))
                .as("one autoscaler per Deployment").isTrue());
        assertThat(scaled).containsExactlyInAnyOrderElementsOf(UPSTREAM.keySet());
        assertThat(ofKind(objects, "PodDisruptionBudget")).extracting(Manifests::name)
                .containsExactlyInAnyOrderElementsOf(deploymentNames());
    }

    @Test
    void prodScalesEachConsumerOnTheLagOfItsOwnGroupAndTopics() {
        List<Map<String, Object>> scaledObjects = ofKind(Manifests.overlay("prod"), "ScaledObject");
        assertThat(scaledObjects).extracting(Manifests::name)
                .containsExactlyInAnyOrder("catalog-service", "search-service", "reuse-tracker-service");
        for (Map<String, Object> so : scaledObjects) {
            String service = name(so);
            Properties props = properties(service);
            Set<String> expected = new TreeSet<>();
            props.stringPropertyNames().stream().filter(k -> k.matches("mp\\.messaging\\.incoming\\.[^.]+\\.topic"))
                    .forEach(k -> {
                        String channel = k.split("\\.")[3];
                        String topic = props.getProperty(k).replace("${bic.kafka.topic-prefix:}", "");
                        expected.add(props.getProperty("mp.messaging.incoming." + channel + ".group.id") + " " + topic);
                    });
            Set<String> triggers = new TreeSet<>();
            List<Map<String, Object>> list = at(so, "spec", "triggers");
            list.stream().filter(t -> "kafka".equals(t.get("type")))
                    .forEach(t -> triggers.add(at(t, "metadata", "consumerGroup") + " " + at(t, "metadata", "topic")));
            assertThat(triggers).as("lag triggers of %s", service).isEqualTo(expected).isNotEmpty();
            assertThat(list).as(service).anySatisfy(t -> assertThat(t.get("type")).isEqualTo("cpu"));
        }
    }

    @ParameterizedTest(name = "overlay {0}")
    @MethodSource("overlays")
    void theIngressSendsEveryPathOfTheGatewayToTheGatewayDeployment(String overlay) {
        List<Map<String, Object>> objects = Manifests.overlay(overlay);
        List<String[]> routes = new ArrayList<>();   // path, pathType, service, port
        for (Map<String, Object> ingress : ofKind(objects, "Ingress")) {
            List<Map<String, Object>> paths = at(ingress, "spec", "rules", 0, "http", "paths");
            paths.forEach(p -> routes.add(new String[] {(String) p.get("path"), (String) p.get("pathType"),
                    at(p, "backend", "service", "name"), String.valueOf((Object) at(p, "backend", "service", "port", "number"))}));
        }
        List<String> locations = gatewayLocations();
        assertThat(locations).contains("/api/v1/openapi", "/api/v1/openapi.yaml", "/api/v1/search", "/health/gateway");
        for (String path : locations) {
            String[] route = routes.stream().filter(r -> matches(r, path))
                    .max(java.util.Comparator.comparingInt(r -> r[0].length())).orElse(null);
            assertThat(route).as("gateway location %s has an Ingress route", path).isNotNull();
            assertThat(route[2] + ":" + route[3]).as("the Ingress route of %s", path).isEqualTo(GATEWAY + ":" + GATEWAY_PORT);
        }
        Map<String, Object> service = ofKind(objects, "Service").stream().filter(s -> GATEWAY.equals(name(s))).findFirst().orElseThrow();
        assertThat((Integer) at(service, "spec", "ports", 0, "port")).isEqualTo(Integer.parseInt(GATEWAY_PORT));
        assertThat((Object) at(service, "spec", "selector")).isEqualTo(Map.of("app.kubernetes.io/name", GATEWAY));
    }

    @ParameterizedTest(name = "overlay {0}")
    @MethodSource("overlays")
    void theGatewayRunsTheRenderedConfigAndTheOpenApiDocumentFromItsConfigMap(String overlay) throws IOException {
        List<Map<String, Object>> objects = Manifests.overlay(overlay);
        Map<String, String> values = GatewayConfig.kubernetesValues();
        Map<String, Object> deployment = ofKind(objects, "Deployment").stream().filter(d -> GATEWAY.equals(name(d)))
                .findFirst().orElseThrow();
        Map<String, Object> pod = at(deployment, "spec", "template", "spec");
        Map<String, Object> container = at(pod, "containers", 0);
        assertThat((Boolean) at(pod, "securityContext", "runAsNonRoot")).isTrue();
        assertThat((Boolean) at(container, "securityContext", "readOnlyRootFilesystem")).isTrue();
        assertThat((String) container.get("image")).startsWith("docker.io/nginxinc/nginx-unprivileged:");
        assertThat((Integer) at(container, "ports", 0, "containerPort")).isEqualTo(Integer.parseInt(values.get("LISTEN")));
        assertThat((Object) at(container, "readinessProbe", "httpGet", "path")).isEqualTo("/api/v1/openapi.yaml");
        assertThat((Object) at(container, "livenessProbe", "httpGet", "path")).isEqualTo("/health/gateway");
        assertThat((Object) at(container, "resources", "limits", "memory")).isNotNull();
        List<String> args = at(container, "args");
        assertThat(String.join(" ", args))
                .contains("mkdir -p " + values.get("STATE") + "/tmp").contains("-c " + values.get("OPENAPI_DIR") + "/nginx.conf");
        assertThat((String) at(pod, "securityContext", "seccompProfile", "type")).isEqualTo("RuntimeDefault");

        List<Map<String, Object>> mounts = at(container, "volumeMounts");
        Map<String, Object> configMount = mounts.stream().filter(m -> "config".equals(m.get("name"))).findFirst().orElseThrow();
        assertThat(configMount).containsEntry("mountPath", values.get("OPENAPI_DIR"));
        assertThat(mounts).anySatisfy(m -> assertThat(m).containsEntry("mountPath", "/tmp"));
        List<Map<String, Object>> volumes = at(pod, "volumes");
        String configMapName = volumes.stream().filter(v -> "config".equals(v.get("name")))
                .map(v -> (String) at(v, "configMap", "name")).findFirst().orElseThrow();
        Map<String, Object> configMap = ofKind(objects, "ConfigMap").stream().filter(c -> configMapName.equals(name(c)))
                .findFirst().orElseThrow();
        assertThat(configMapName).as("Kustomize's hash suffix rolls the pods on a change").startsWith(GATEWAY + "-");
        Map<String, String> data = at(configMap, "data");
        assertThat(data).containsOnlyKeys("nginx.conf", "openapi.json", "openapi.yaml");
        for (String file : data.keySet()) {
            assertThat(data.get(file)).as(file).isEqualTo(Files.readString(GatewayConfig.dir().resolve(file)));
        }
        long bytes = data.values().stream().mapToLong(v -> v.getBytes(java.nio.charset.StandardCharsets.UTF_8).length).sum();
        assertThat(bytes).as("a ConfigMap holds at most 1 MiB").isLessThan(1024 * 1024 - 16 * 1024);
    }

    @ParameterizedTest(name = "overlay {0}")
    @MethodSource("overlays")
    void theGatewaysUpstreamsAreTheServicesAndOnlyTheIngressControllerReachesIt(String overlay) {
        List<Map<String, Object>> objects = Manifests.overlay(overlay);
        Map<String, String> values = GatewayConfig.kubernetesValues();
        Map<String, String> valueOfUpstream = Map.of("harvester", "HARVESTER", "catalog", "CATALOG", "search", "SEARCH",
                "reuse", "REUSE", "portal", "PORTAL");
        Set<String> templateUpstreams = new TreeSet<>();
        Matcher upstream = Pattern.compile("upstream\\s+(\\w+)\\s*\\{\\s*server\\s+@(\\w+)@;").matcher(GatewayConfig.template());
        while (upstream.find()) {
            templateUpstreams.add(upstream.group(1));
            assertThat(upstream.group(2)).isEqualTo(valueOfUpstream.get(upstream.group(1)));
        }
        assertThat(templateUpstreams).containsExactlyInAnyOrderElementsOf(UPSTREAM.values());
        UPSTREAM.forEach((deployment, name) -> {
            Map<String, Object> service = ofKind(objects, "Service").stream().filter(s -> deployment.equals(name(s)))
                    .findFirst().orElseThrow();
            assertThat(values.get(valueOfUpstream.get(name))).as("the gateway's upstream %s", name)
                    .isEqualTo(deployment + ":" + at(service, "spec", "ports", 0, "port"));
        });

        Map<String, Object> policy = ofKind(objects, "NetworkPolicy").stream().filter(p -> "bic-gateway".equals(name(p)))
                .findFirst().orElseThrow();
        assertThat((Object) at(policy, "spec", "podSelector", "matchLabels")).isEqualTo(Map.of("bioimagecatalog.org/tier", "gateway"));
        List<Map<String, Object>> rules = at(policy, "spec", "ingress");
        assertThat(rules).singleElement().satisfies(r -> assertThat((Object) at(r, "from")).isEqualTo(List.of(Map.of(
                "namespaceSelector", Map.of("matchLabels", Map.of("kubernetes.io/metadata.name", "ingress-nginx"))))));
        Map<String, Object> services = ofKind(objects, "NetworkPolicy").stream().filter(p -> "bic-services".equals(name(p)))
                .findFirst().orElseThrow();
        assertThat(services.toString()).as("the services are reached through the gateway, not from the controller")
                .contains("bioimagecatalog.org/tier=gateway").doesNotContain("ingress-nginx");
    }

    @ParameterizedTest(name = "overlay {0}")
    @MethodSource("overlays")
    @SuppressWarnings("unchecked")
    void onlyTheCollectorsReachTheInternetAndNeverAPrivateOrMetadataAddress(String overlay) {
        List<Map<String, Object>> objects = Manifests.overlay(overlay);
        Map<String, Map<String, Object>> egress = new java.util.HashMap<>();
        for (Map<String, Object> policy : ofKind(objects, "NetworkPolicy")) {
            List<String> types = at(policy, "spec", "policyTypes");
            if (types.contains("Egress")) {
                egress.put(name(policy), policy);
            }
        }
        assertThat(egress).containsKeys("bic-gateway-egress", "bic-services-egress", "bic-collectors-egress");
        egress.forEach((name, policy) -> {
            String text = policy.toString();
            if (!name.equals("bic-collectors-egress")) {
                assertThat(text).as("%s reaches no address outside the cluster", name).doesNotContain("ipBlock");
            }
        });
        Map<String, Object> collectors = egress.get("bic-collectors-egress");
        assertThat(collectors.toString()).contains("harvester-service", "reuse-tracker-service")
                .doesNotContain("catalog-service", "search-service");
        Map<String, Object> block = at(collectors, "spec", "egress", 0, "to", 0, "ipBlock");
        assertThat((List<String>) block.get("except")).contains("10.0.0.0/8", "172.16.0.0/12", "192.168.0.0/16",
                "169.254.0.0/16", "127.0.0.0/8");
    }

    /**
     * The paths of the gateway template's locations (prefix and exact; named ones start with @), less the internal
     * ones under /_bic/ (the rate limiters), which only nginx's auth subrequest reaches.
     */
    private static List<String> gatewayLocations() {
        Matcher location = Pattern.compile("location\\s+(=\\s+)?(/\\S*)\\s*\\{").matcher(GatewayConfig.template());
        List<String> paths = new ArrayList<>();
        while (location.find()) {
            if (!location.group(2).startsWith("/_bic/")) {
                paths.add(location.group(2));
            }
        }
        return paths;
    }

    private static List<String> deploymentNames() {
        List<String> names = new ArrayList<>(UPSTREAM.keySet());
        names.add(GATEWAY);
        return names;
    }

    @Test
    void theEnginesRunTheVersionsAndSchemasOfTheLocalStack() throws IOException {
        String stack = Files.readString(Manifests.repo().resolve("bin/stack"));
        for (String overlay : Manifests.overlays()) {
            List<Map<String, Object>> objects = Manifests.overlay(overlay);
            assertThat((String) at(ofKind(objects, "Kafka").get(0), "spec", "kafka", "version"))
                    .isEqualTo(shellVar(stack, "KAFKA_VERSION"));
            assertThat((String) at(ofKind(objects, "Elasticsearch").get(0), "spec", "version"))
                    .isEqualTo(shellVar(stack, "ES_VERSION"));
            Map<String, Object> initdb = at(ofKind(objects, "Cluster").get(0), "spec", "bootstrap", "initdb");
            assertThat(initdb).containsEntry("database", "bioimage");
            List<String> sql = at(initdb, "postInitApplicationSQL");
            for (String schema : shellVar(stack, "SCHEMAS").split(" ")) {
                assertThat(sql).as("schema %s", schema).anySatisfy(s -> assertThat(s).startsWith("CREATE SCHEMA IF NOT EXISTS " + schema + " "));
            }
        }
        List<Map<String, Object>> prod = Manifests.overlay("prod");
        assertThat((Object) at(ofKind(prod, "Cluster").get(0), "spec", "backup", "barmanObjectStore")).isNotNull();
        assertThat(ofKind(prod, "ScheduledBackup")).singleElement()
                .satisfies(b -> assertThat((String) at(b, "spec", "cluster", "name")).isEqualTo("bic-postgres"));
    }

    /** Whether an Ingress path matches a request path (Prefix: whole path elements, as Kubernetes defines it). */
    private static boolean matches(String[] route, String requestPath) {
        String path = route[0];
        return switch (route[1]) {
            case "Exact" -> path.equals(requestPath);
            case "Prefix" -> path.equals("/") || requestPath.equals(path) || requestPath.startsWith(path.endsWith("/") ? path : path + "/");
            default -> Pattern.compile("^" + path).matcher(requestPath).find();   // ingress-nginx regex paths
        };
    }

    private static String topicName(Map<String, Object> topic) {
        String explicit = at(topic, "spec", "topicName");
        return explicit != null ? explicit : name(topic);
    }

    record StackTopic(String name, int partitions, boolean compacted) {
    }

    /** bin/stack's TOPICS: name:partitions[:config]. */
    private static List<StackTopic> stackTopics() {
        try {
            String topics = shellVar(Files.readString(Manifests.repo().resolve("bin/stack")), "TOPICS");
            List<StackTopic> out = new ArrayList<>();
            for (String t : topics.split(" ")) {
                String[] f = t.split(":");
                out.add(new StackTopic(f[0], Integer.parseInt(f[1]), f.length > 2 && f[2].equals("cleanup.policy=compact")));
            }
            assertThat(out).hasSize(5);
            return out;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String shellVar(String script, String name) {
        Matcher m = Pattern.compile("(?m)^" + name + "=\"?([^\"\\n]*)\"?").matcher(script);
        assertThat(m.find()).as("%s in bin/stack", name).isTrue();
        return m.group(1);
    }

    private static Properties properties(String module) {
        Properties props = new Properties();
        try (Reader in = Files.newBufferedReader(Manifests.repo().resolve(module + "/src/main/resources/application.properties"))) {
            props.load(in);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return props;
    }

    /** The repository the Jib profile pushes a module's image to: ${bic.image.registry}/artifactId (root pom). */
    private static String imageRepository(String module) {
        try {
            String pom = Files.readString(Manifests.repo().resolve("pom.xml"));
            Matcher registry = Pattern.compile("<bic.image.registry>([^<]+)</bic.image.registry>").matcher(pom);
            assertThat(registry.find()).isTrue();
            assertThat(Files.readString(Manifests.repo().resolve(module + "/pom.xml")))
                    .contains("<artifactId>" + module + "</artifactId>").contains("<id>images</id>");
            return registry.group(1) + "/" + module;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

}
