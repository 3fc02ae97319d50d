package org.bioimagecatalog.testsupport;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;

/**
 * The real recorded archive data in {@code ../shared/fixtures}. It is read in place, never copied into the
 * repository; a test that needs it is skipped, with a message saying where it was looked for, when absent.
 */
public final class Fixtures {
    private Fixtures() {}

    public static Path root() {
        String configured = System.getProperty("bic.fixtures.dir");
        if (configured != null) {
            return Path.of(configured).toAbsolutePath().normalize();
        }
        return LocalStack.repoDir().resolve("../shared/fixtures").toAbsolutePath().normalize();
    }

    /** The fixture folder or file at {@code relative}; skips the calling test when it does not exist. */
    public static Path require(String relative) {
        Path path = root().resolve(relative);
        Assumptions.assumeTrue(Files.exists(path),
                "skipped: the shared fixtures are not at " + path + " (clone ../shared beside the repository)");
        return path;
    }
}
