package org.bioimagecatalog.model.vocab;

import static org.assertj.core.api.Assertions.assertThat;

import org.bioimagecatalog.model.TermRef;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** FBbi look-ups against the shipped release and the reviewed mapping files. */
class FbbiTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "FBbi:00000369|FBbi:00000369",
            "FBbi_00000369|FBbi:00000369",
            "Fbbi_00000369|FBbi:00000369",
            "http://purl.obolibrary.org/obo/FBbi_00000369|FBbi:00000369",
            "obo:FBbi_00000369|FBbi:00000369",
            "00000369|FBbi:00000369",
            "FBbi_ 00000254|FBbi:00000254"})
    void everyWrittenFormOfAnAccessionIsOneId(String written, String id) {
        assertThat(Fbbi.parseId(written)).contains(id);
    }

    @Test
    void accessionsOfOtherOntologiesAreNotFbbiIds() {
        assertThat(Fbbi.parseId("CHMO_0002194")).isEmpty();
        assertThat(Fbbi.parseId("#0026155")).isEmpty();
        assertThat(Fbbi.parseId(null)).isEmpty();
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
            // FBbi names it SPIM; the archives write it three ways
            "SPIM|FBbi:00000369",
            "light sheet fluorescence microscopy|FBbi:00000369",
            "selective plane illumination fluorescence microscopy|FBbi:00000369",
            "Light-Sheet Microscopy|FBbi:00000369",
            // case, punctuation and parentheses do not count
            "Transmission electron microscopy|FBbi:00000258",
            "transmission electron microscopy (TEM)|FBbi:00000258",
            "TEM|FBbi:00000258",
            "structured illumination microscopy (SIM)|FBbi:00000332",
            "structured illumination microscopy|FBbi:00000332",
            "STORM (stochastic optical reconstruction microscopy)|FBbi:00000336",
            "bright field microscopy|FBbi:00000243",
            "focussed ion beam scanning electron microscopy (FIB-SEM)|FBbi:00050000",
            // an exact synonym and a related one
            "X-ray CT|FBbi:00001002",
            "Nomarski|FBbi:00000245",
            // reviewed archive labels FBbi lacks
            "TIRF|FBbi:00000617",
            "FLIP|FBbi:00000365",
            "epifluorescence microscopy|FBbi:00000246",
            "FIB-SEM|FBbi:00050000",
            "super-resolution microscopy|FBbi:00000321",
            "X-Ray Microtomography|FBbi:00001002",
            // other branches are found too; the normaliser routes them
            "chemically fixed tissue|FBbi:00000002",
            "horseradish peroxidase|FBbi:00000138",
            "elastic scattering of electrons|FBbi:00000586"})
    void labelsMatchThroughNamesSynonymsAndReviewedMappings(String label, String id) {
        assertThat(Fbbi.idForLabel(label)).contains(id);
    }

    @Test
    void labelsNoVocabularyKnowsMatchNothing() {
        assertThat(Fbbi.idForLabel("fluorescence correlation spectroscopy")).isEmpty();
        assertThat(Fbbi.idForLabel("multi-focus image fusion")).isEmpty();
        assertThat(Fbbi.idForLabel("nucleus (GO:0005634)")).isEmpty();
        assertThat(Fbbi.idForLabel(" ")).isEmpty();
    }

    @Test
    void obsoleteTermsAreKnownByIdButNeverMatchedByLabel() {
        assertThat(Fbbi.isKnown("FBbi:00000242")).isTrue();
        assertThat(Fbbi.idForLabel("wide field light micrograph")).isEmpty();
    }

    @Test
    void everyTermSitsInTheBranchItsIsAChainLeadsTo() {
        assertThat(Fbbi.branch("FBbi:00000369")).map(FbbiBranch::field).contains(FbbiField.IMAGING_METHODS);
        assertThat(Fbbi.branch("FBbi:00000332")).map(FbbiBranch::name).contains("resolution-enhancing method");
        assertThat(Fbbi.isImagingMethod("FBbi:00000332")).isTrue();
        assertThat(Fbbi.branch("FBbi:00000027")).map(FbbiBranch::field).contains(FbbiField.SAMPLE_PREPARATION);
        assertThat(Fbbi.branch("FBbi:00000138")).map(FbbiBranch::field).contains(FbbiField.VISUALIZATION_METHODS);
        assertThat(Fbbi.branch("FBbi:00000586")).map(FbbiBranch::field).contains(FbbiField.IMAGING_PARAMETERS);
        assertThat(Fbbi.branch("FBbi:00000364")).map(FbbiBranch::name).contains("illumination");
        assertThat(Fbbi.isImagingMethod("FBbi:00000364")).isFalse();
        assertThat(Fbbi.branch("FBbi:00000242")).isEmpty(); // obsolete: no branch
    }

    @Test
    void hierarchyGivesNamesAncestorsAndDescendants() {
        assertThat(Fbbi.name("FBbi:00000369")).contains("SPIM");
        assertThat(Fbbi.ancestors("FBbi:00000253")).containsExactly(
                new TermRef("FBbi:00000251", "confocal microscopy"),
                new TermRef("FBbi:00000246", "fluorescence microscopy"),
                new TermRef("FBbi:00000345", "light microscopy"),
                new TermRef("FBbi:00000343", "microscopy with lenses"),
                new TermRef("FBbi:00000241", "microscopy"),
                new TermRef("FBbi:00000265", "recorded image"),
                new TermRef("FBbi:00000222", "imaging method"));
        assertThat(Fbbi.descendants("FBbi:00000256")).contains("FBbi:00000257", "FBbi:00000258", "FBbi:00000622",
                "FBbi:00050000", "FBbi:00000585").doesNotContain("FBbi:00000256", "FBbi:00000246");
        // X-ray computed tomography has two parents; it is below both
        assertThat(Fbbi.descendants("FBbi:00001004")).contains("FBbi:00001002");
        assertThat(Fbbi.descendants("FBbi:00001001")).contains("FBbi:00001002");
    }

    @Test
    void generalTermsAreMarked() {
        assertThat(Fbbi.isGeneral("FBbi:00000265")).isTrue();
        assertThat(Fbbi.isGeneral("FBbi:00000241")).isTrue();
        assertThat(Fbbi.isGeneral("FBbi:00000246")).isFalse();
    }

    @Test
    void namesSynonymsAndArchiveLabelsExpandAQuery() {
        assertThat(Fbbi.namesAndSynonyms("FBbi:00000245")).containsExactly(
                "differential interference contrast microscopy", "DIC", "Nomarski");
        assertThat(Fbbi.labelsFor("FBbi:00000369")).contains("SPIM", "light sheet fluorescence microscopy",
                "selective plane illumination microscopy");
    }

    @Test
    void aHarvesterKeepsTheLabelAndTakesTheIdFromTheAccessionOrTheLabel() {
        assertThat(Fbbi.method("confocal microscopy", "Fbbi:00000251").fbbiId()).isEqualTo("FBbi:00000251");
        assertThat(Fbbi.method("epifluorescence microscopy", "CHMO_0002194").fbbiId()).isEqualTo("FBbi:00000246");
        assertThat(Fbbi.method("multi-focus image fusion", "").fbbiId()).isNull();
        assertThat(Fbbi.method("multi-focus image fusion", "").label()).isEqualTo("multi-focus image fusion");
    }
}
