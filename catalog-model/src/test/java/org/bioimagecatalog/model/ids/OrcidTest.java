package org.bioimagecatalog.model.ids;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class OrcidTest {

    @Test
    void acceptsBareAndUrlFormsWithAValidCheckDigit() {
        assertThat(Orcid.normalise("0000-0002-1825-0097")).contains("0000-0002-1825-0097");
        assertThat(Orcid.normalise("https://orcid.org/0000-0002-1694-233X")).contains("0000-0002-1694-233X");
        assertThat(Orcid.normalise("0000000218250097")).contains("0000-0002-1825-0097");
    }

    @Test
    void refusesAWrongCheckDigitOrShape() {
        assertThat(Orcid.normalise("0000-0002-1825-0098")).isEmpty();
        assertThat(Orcid.normalise("0000-0002-1825")).isEmpty();
        assertThat(Orcid.normalise("orcid")).isEmpty();
    }
}
