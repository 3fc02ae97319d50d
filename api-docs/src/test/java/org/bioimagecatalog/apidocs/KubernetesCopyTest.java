package org.bioimagecatalog.apidocs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * On Kubernetes the gateway serves the merged document from the ConfigMap bic-gateway, which Kustomize builds from
 * the committed copies in k8s/base/gateway (it reads no file outside k8s/). They must be this build's document: a
 * stale copy fails the test, which says how to refresh it. A test never writes tracked files (a second run must
 * not pass because the first one rewrote the copy).
 */
class KubernetesCopyTest {
    private static final Path BUILT = Path.of("target/openapi");
    private static final Path COPY = Path.of("../k8s/base/gateway");

    @ParameterizedTest
    @ValueSource(strings = {"openapi.json", "openapi.yaml"})
    void theCopyServedOnKubernetesIsTheMergedDocumentOfThisBuild(String file) throws IOException {
        byte[] built = Files.readAllBytes(BUILT.resolve(file));
        Path copy = COPY.resolve(file);
        byte[] committed = Files.exists(copy) ? Files.readAllBytes(copy) : new byte[0];
        boolean current = Arrays.equals(built, committed);
        assertThat(current).as("k8s/base/gateway/%s is stale (%d bytes, the build's %d): refresh it with"
                + " 'cp api-docs/target/openapi/%s k8s/base/gateway/' and commit it", file, committed.length,
                built.length, file).isTrue();
    }
}
