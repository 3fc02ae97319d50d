package org.bioimagecatalog.testsupport;

import org.junit.jupiter.api.Assumptions;

/**
 * A tool a test drives (Chromium, Perl's HTTP::OAI, kubectl): missing on a developer's machine, the test is skipped
 * with how to install it; missing in CI ({@code CI=true}, which {@code .ci/run} sets), the test fails, so CI can
 * never go green without it.
 */
public final class RequiredTool {
    private RequiredTool() {
    }

    /** Returns when {@code present}; else skips the calling test, or fails it under {@code CI=true}. */
    public static void require(boolean present, String whatIsMissing) {
        require(present, whatIsMissing, System.getenv("CI"));
    }

    static void require(boolean present, String whatIsMissing, String ci) {
        if (present) {
            return;
        }
        if ("true".equalsIgnoreCase(ci == null ? null : ci.strip())) {
            throw new AssertionError(whatIsMissing + " (CI=true: a missing tool fails the run instead of skipping it)");
        }
        Assumptions.abort("skipped: " + whatIsMissing);
    }
}
