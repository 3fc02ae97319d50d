package org.bioimagecatalog.k8s;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Finds a kubectl whose built-in kustomize is v5 or newer (components, labels and envs need it). */
final class Kubectl {

    private static final Pattern KUSTOMIZE_VERSION = Pattern.compile("Kustomize Version: v(\\d+)");
    private static Path found;

    private Kubectl() {
    }

    static synchronized Path require() {
        if (found != null) {
            return found;
        }
        Path kubectl = onPath().orElseThrow(() -> new AssertionError(
                "kubectl is not installed: run bin/lib/ensure-kubectl.sh (bin/catalog test does)"));
        int major = kustomizeMajor(kubectl);
        if (major < 5) {
            throw new AssertionError(kubectl + " embeds kustomize v" + major + "; k8s/ needs v5 or newer:"
                    + " run bin/lib/ensure-kubectl.sh");
        }
        found = kubectl;
        return kubectl;
    }

    private static java.util.Optional<Path> onPath() {
        String env = System.getenv("KUBECTL");
        if (env != null && !env.isBlank()) {
            return java.util.Optional.of(Path.of(env));
        }
        for (String dir : System.getenv().getOrDefault("PATH", "/usr/bin").split(":")) {
            Path candidate = Path.of(dir, "kubectl");
            if (Files.isExecutable(candidate)) {
                return java.util.Optional.of(candidate);
            }
        }
        return java.util.Optional.empty();
    }

    private static int kustomizeMajor(Path kubectl) {
        try {
            Process process = new ProcessBuilder(kubectl.toString(), "version", "--client")
                    .redirectErrorStream(true).start();
            String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            process.waitFor(30, TimeUnit.SECONDS);
            Matcher m = KUSTOMIZE_VERSION.matcher(out);
            return m.find() ? Integer.parseInt(m.group(1)) : 0;
        } catch (IOException e) {
            throw new IllegalStateException("cannot run " + kubectl, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
