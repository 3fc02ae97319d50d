package org.bioimagecatalog.k8s;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The gateway's nginx config on Kubernetes: {@code gateway/nginx.conf.template} (the local gateway's) with every
 * {@code @KEY@} replaced by the value of {@code k8s/base/gateway/values.properties}, as bin/catalog does with sed.
 * The result is committed as {@code k8s/base/gateway/nginx.conf}, because Kustomize reads files only from inside
 * the kustomization and cannot substitute values.
 */
final class GatewayConfig {

    static final String HEADER = "# GENERATED from gateway/nginx.conf.template with the values of values.properties beside this"
            + " file,\n# by GatewayConfigTest (k8s-validation), which fails when it is stale. Edit those two, not this.\n";
    private static final Pattern PLACEHOLDER = Pattern.compile("@([A-Z][A-Z0-9_]*)@");

    private GatewayConfig() {
    }

    static Path dir() {
        return Manifests.repo().resolve("k8s/base/gateway");
    }

    static Path committed() {
        return dir().resolve("nginx.conf");
    }

    static String template() {
        try {
            return Files.readString(Manifests.repo().resolve("gateway/nginx.conf.template"), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read gateway/nginx.conf.template", e);
        }
    }

    /** The values of k8s/base/gateway/values.properties, KEY (without the @) to value. */
    static Map<String, String> kubernetesValues() {
        Properties props = new Properties();
        try (Reader in = Files.newBufferedReader(dir().resolve("values.properties"), StandardCharsets.UTF_8)) {
            props.load(in);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read k8s/base/gateway/values.properties", e);
        }
        Map<String, String> values = new LinkedHashMap<>();
        props.stringPropertyNames().stream().sorted().forEach(k -> values.put(k, props.getProperty(k)));
        return values;
    }

    /** The template with every placeholder replaced; fails when a placeholder has no value or a value no placeholder. */
    static String render(String template, Map<String, String> values) {
        Set<String> placeholders = new TreeSet<>();
        Matcher m = PLACEHOLDER.matcher(template);
        while (m.find()) {
            placeholders.add(m.group(1));
        }
        if (!placeholders.equals(new TreeSet<>(values.keySet()))) {
            Set<String> missing = new TreeSet<>(placeholders);
            missing.removeAll(values.keySet());
            Set<String> unused = new TreeSet<>(values.keySet());
            unused.removeAll(placeholders);
            throw new AssertionError("the template's placeholders and the values differ: without a value " + missing
                    + ", without a placeholder " + unused);
        }
        String out = template;
        for (Map.Entry<String, String> value : values.entrySet()) {
            out = out.replace("@" + value.getKey() + "@", value.getValue());
        }
        return HEADER + out;
    }

    /** The Kubernetes values with some replaced (for running the config on this machine). */
    static Map<String, String> kubernetesValuesWith(Map<String, String> overrides) {
        Map<String, String> values = kubernetesValues();
        values.putAll(overrides);
        return values;
    }
}
