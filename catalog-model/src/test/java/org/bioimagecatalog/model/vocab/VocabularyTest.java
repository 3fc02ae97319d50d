package org.bioimagecatalog.model.vocab;

import static org.assertj.core.api.Assertions.assertThat;

import org.bioimagecatalog.model.ImagingMethod;
import org.bioimagecatalog.model.License;
import org.bioimagecatalog.model.Organism;
import org.junit.jupiter.api.Test;

class VocabularyTest {

    @Test
    void organismAccessionsInEveryWrittenFormGiveTheSameTaxonId() {
        assertThat(NcbiTaxon.parseId("NCBITaxon_9606")).contains("9606");
        assertThat(NcbiTaxon.parseId("9606")).contains("9606");
        assertThat(NcbiTaxon.parseId("http://purl.obolibrary.org/obo/NCBITaxon_4896")).contains("4896");
        assertThat(NcbiTaxon.parseId("CHMO_0002194")).isEmpty();
    }

    @Test
    void organismWithoutAccessionIsLookedUpByNameAndKeepsItsLabel() {
        assertThat(NcbiTaxon.organism("Homo sapiens", null)).isEqualTo(new Organism("Homo sapiens", "9606"));
        assertThat(NcbiTaxon.organism("Scapania zemliae", "")).isEqualTo(new Organism("Scapania zemliae", null));
        assertThat(NcbiTaxon.idForName("human")).contains("9606");
    }

    @Test
    void imagingMethodAccessionsNormaliseToTheFbbiCurie() {
        assertThat(Fbbi.method("confocal microscopy", "Fbbi:00000251"))
                .isEqualTo(new ImagingMethod("confocal microscopy", "FBbi:00000251"));
        assertThat(Fbbi.method("light sheet fluorescence microscopy", "00000369").fbbiId()).isEqualTo("FBbi:00000369");
        // a term of another ontology is not an FBbi id: the label decides, through the reviewed mappings
        assertThat(Fbbi.method("epifluorescence microscopy", "CHMO_0002194").fbbiId()).isEqualTo("FBbi:00000246");
        assertThat(Fbbi.method("multi-focus image fusion", "")).isEqualTo(new ImagingMethod("multi-focus image fusion", null));
        assertThat(Fbbi.labelsFor("FBbi:00000258")).contains("transmission electron microscopy (TEM)", "cryo-EM", "cryo-electron microscopy");
    }

    @Test
    void creativeCommonsLicencesAreRecognisedByUrlOrLabel() {
        assertThat(Spdx.license("CC BY 4.0", "https://creativecommons.org/licenses/by/4.0/"))
                .isEqualTo(new License("CC-BY-4.0", "https://creativecommons.org/licenses/by/4.0/", "CC BY 4.0"));
        assertThat(Spdx.idFor("CC BY-NC-SA 3.0")).contains("CC-BY-NC-SA-3.0");
        assertThat(Spdx.idFor("https://creativecommons.org/publicdomain/zero/1.0/")).contains("CC0-1.0");
        assertThat(Spdx.license("CC BY-SA 3.0", "https://v18.proteinatlas.org/about/licence").spdx()).isEqualTo("CC-BY-SA-3.0");
        assertThat(Spdx.license("custom terms", null)).isEqualTo(new License(null, null, "custom terms"));
        assertThat(Spdx.license(" ", null)).isNull();
    }
}
