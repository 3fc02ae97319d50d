package org.bioimagecatalog.model.vocab;

import static org.assertj.core.api.Assertions.assertThat;

import org.bioimagecatalog.model.DatasetMetadata;
import org.bioimagecatalog.model.License;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Licences against the shipped SPDX License List. */
class SpdxLicenceListTest {
    private final SpdxLicenceList spdx = SpdxLicenceList.get();

    @Test
    void theWholeListIsShipped() {
        assertThat(spdx.listVersion()).isEqualTo("3.26.0");
        assertThat(spdx.byId("0BSD")).map(SpdxLicenceList.Licence::name).contains("BSD Zero Clause License");
        assertThat(spdx.byId("cc-by-4.0")).map(SpdxLicenceList.Licence::id).contains("CC-BY-4.0");
        assertThat(spdx.byId("GPL-3.0")).map(SpdxLicenceList.Licence::deprecated).contains(true);
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
            "https://creativecommons.org/licenses/by/4.0/|CC-BY-4.0",
            "https://creativecommons.org/licenses/by/4.0|CC-BY-4.0",
            "http://creativecommons.org/licenses/by/4.0/legalcode|CC-BY-4.0",
            "creativecommons.org/licenses/by-nc-sa/3.0/deed.en|CC-BY-NC-SA-3.0",
            "https://creativecommons.org/licenses/by/3.0/de/|CC-BY-3.0-DE",
            "https://creativecommons.org/publicdomain/zero/1.0/|CC0-1.0",
            "https://creativecommons.org/publicdomain/mark/1.0/|CC-PDM-1.0",
            "https://opensource.org/licenses/MIT|MIT",
            "https://spdx.org/licenses/Apache-2.0.html|Apache-2.0"})
    void licencesAreRecognisedByTheirUrls(String url, String id) {
        assertThat(Spdx.idFor(url)).contains(id);
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
            "CC BY 4.0|CC-BY-4.0",
            "CC-BY 4.0|CC-BY-4.0",
            "cc-by-4.0|CC-BY-4.0",
            "Attribution 4.0 International|CC-BY-4.0",
            "Creative Commons Attribution 4.0 International License|CC-BY-4.0",
            "Attribution 4.0 International (CC BY 4.0)|CC-BY-4.0",
            "Attribution-NonCommercial-ShareAlike 4.0 International|CC-BY-NC-SA-4.0",
            "CC BY-NC-SA 3.0|CC-BY-NC-SA-3.0",
            "CC BY 3.0 Unported|CC-BY-3.0",
            "CC0|CC0-1.0",
            "CC0 1.0 Universal (CC0 1.0)|CC0-1.0",
            "MIT License|MIT",
            "Apache 2.0|Apache-2.0",
            "BSD Zero Clause License|0BSD"})
    void licencesAreRecognisedByTheirLabels(String label, String id) {
        assertThat(Spdx.idFor(label)).contains(id);
    }

    @Test
    void ambiguousOrUnknownLabelsAndUrlsGiveNoId() {
        assertThat(Spdx.idFor("public domain")).isEmpty();
        assertThat(Spdx.idFor("CC BY")).isEmpty();
        assertThat(Spdx.idFor("custom terms")).isEmpty();
        assertThat(Spdx.idFor("https://v18.proteinatlas.org/about/licence")).isEmpty();
        assertThat(Spdx.idFor("License")).isEmpty();
    }

    @Test
    void theNormaliserFillsTheIdAndKeepsUrlAndLabel() {
        DatasetMetadata in = DatasetMetadata.builder().title("t")
                .license(new License(null, "https://creativecommons.org/licenses/by/4.0/", "See the licence")).build();
        DatasetMetadata.Builder out = in.toBuilder();
        new LicenceNormaliser().normalise(in, out);
        assertThat(out.build().license())
                .isEqualTo(new License("CC-BY-4.0", "https://creativecommons.org/licenses/by/4.0/", "See the licence"));

        DatasetMetadata unknown = DatasetMetadata.builder().title("t").license(new License(null, null, "custom terms")).build();
        DatasetMetadata.Builder kept = unknown.toBuilder();
        new LicenceNormaliser().normalise(unknown, kept);
        assertThat(kept.build().license()).isEqualTo(new License(null, null, "custom terms"));
    }
}
