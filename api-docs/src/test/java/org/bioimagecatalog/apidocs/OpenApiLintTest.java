package org.bioimagecatalog.apidocs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The merged document (JSON and YAML) lints clean with the real Redocly CLI (recommended rules, api-docs/redocly.yaml): no
 * error and no warning. bin/lib/ensure-redocly.sh installs the pinned version when it is missing.
 */
class OpenApiLintTest {
    private static final Path MODULE = Path.of("").toAbsolutePath();
    private static final Path DOCUMENT = MODULE.resolve("target/openapi/openapi.json");

    @Test
    void mergedDocumentLintsWithoutErrorsOrWarnings() throws Exception {
        assertThat(DOCUMENT).as("written by the merge in process-classes").exists();
        Result install = run(List.of("bash", MODULE.resolve("../bin/lib/ensure-redocly.sh").toString()), 600);
        assertThat(install.exitCode()).as("ensure-redocly.sh: %s", install.output()).isZero();
        String redocly = install.lines().get(install.lines().size() - 1).trim();

        Result lint = run(List.of(redocly, "lint", "--config", "redocly.yaml", "--format", "stylish",
                "target/openapi/openapi.json", "target/openapi/openapi.yaml"), 300);
        assertThat(lint.exitCode()).as(lint.output()).isZero();
        assertThat(lint.lines()).as(lint.output())
                .noneMatch(line -> line.matches("\\s*\\d+:\\d+\\s+(error|warning)\\s.*"));
        assertThat(lint.output()).as(lint.output()).containsPattern("Your API descriptions? (is|are) valid")
                .doesNotContain("Your config has");
    }

    private record Result(int exitCode, List<String> lines) {
        String output() {
            return String.join("\n", lines);
        }
    }

    private static Result run(List<String> command, int timeoutSeconds) throws IOException, InterruptedException {
        Path out = Files.createTempFile("redocly", ".log");
        try {
            ProcessBuilder builder = new ProcessBuilder(command).directory(MODULE.toFile())
                    .redirectErrorStream(true).redirectOutput(out.toFile());
            builder.environment().put("REDOCLY_TELEMETRY", "off");
            builder.environment().put("REDOCLY_SUPPRESS_UPDATE_NOTICE", "true");
            Process process = builder.start();
            if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new AssertionError(command + " did not finish in " + timeoutSeconds + " s");
            }
            return new Result(process.exitValue(), Files.readAllLines(out, StandardCharsets.UTF_8));
        } finally {
            Files.deleteIfExists(out);
        }
    }
}
