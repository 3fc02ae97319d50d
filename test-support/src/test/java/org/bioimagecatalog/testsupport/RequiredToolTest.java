package org.bioimagecatalog.testsupport;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.opentest4j.TestAbortedException;

class RequiredToolTest {

    @Test
    void aPresentToolPasses() {
        assertThatCode(() -> RequiredTool.require(true, "chromium is missing", "true")).doesNotThrowAnyException();
    }

    @Test
    void aMissingToolSkipsOutsideCi() {
        assertThatThrownBy(() -> RequiredTool.require(false, "chromium is missing", null))
                .isInstanceOf(TestAbortedException.class).hasMessageContaining("chromium is missing");
        assertThatThrownBy(() -> RequiredTool.require(false, "chromium is missing", "false"))
                .isInstanceOf(TestAbortedException.class);
    }

    @Test
    void aMissingToolFailsInCi() {
        assertThatThrownBy(() -> RequiredTool.require(false, "chromium is missing", "true"))
                .isInstanceOf(AssertionError.class).hasMessageContaining("chromium is missing").hasMessageContaining("CI=true");
        assertThatThrownBy(() -> RequiredTool.require(false, "chromium is missing", "TRUE"))
                .isInstanceOf(AssertionError.class);
    }
}
