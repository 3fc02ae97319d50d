package org.bioimagecatalog.model.vocab;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.bioimagecatalog.model.DatasetMetadata;
import org.bioimagecatalog.model.ImagingMethod;
import org.bioimagecatalog.model.OntologyTerm;
import org.bioimagecatalog.model.TermRef;
import org.junit.jupiter.api.Test;

/** The hard cases of the archives' imaging-method values, through the real shipped vocabulary. */
class ImagingTermNormaliserTest {
    private final ImagingTermNormaliser normaliser = new ImagingTermNormaliser();

    private DatasetMetadata normalise(ImagingMethod... methods) {
        DatasetMetadata.Builder source = DatasetMetadata.builder().title("t");
        for (ImagingMethod m : methods) {
            source.imagingMethod(m);
        }
        DatasetMetadata in = source.build();
        DatasetMetadata.Builder out = in.toBuilder();
        normaliser.normalise(in, out);
        return out.build();
    }

    @Test
    void threeArchiveSpellingsOfLightSheetAreOneTermWithItsNameAndAncestors() {
        for (String label : List.of("SPIM", "light sheet fluorescence microscopy",
                "selective plane illumination fluorescence microscopy")) {
            ImagingMethod m = normalise(new ImagingMethod(label, null)).imagingMethods().get(0);
            assertThat(m.label()).isEqualTo(label);
            assertThat(m.fbbiId()).isEqualTo("FBbi:00000369");
            assertThat(m.name()).isEqualTo("SPIM");
            assertThat(m.ancestors()).extracting(TermRef::id).startsWith("FBbi:00000246", "FBbi:00000345");
            assertThat(m.inferred()).isNull();
        }
    }

    @Test
    void anAccessionOfAnotherBranchGivesWayToALabelThatNamesAMethod() {
        // IDR gives light sheet fluorescence microscopy with the id of light-sheet illumination
        assertThat(normalise(new ImagingMethod("light sheet fluorescence microscopy", "FBbi:00000364")).imagingMethods())
                .extracting(ImagingMethod::fbbiId).containsExactly("FBbi:00000369");
        // an id newer than the shipped release: the label decides
        assertThat(normalise(new ImagingMethod("wide-field fluorescence microscopy", "FBbi:00100013")).imagingMethods())
                .extracting(ImagingMethod::fbbiId).containsExactly("FBbi:00000246");
        // the source's own method id wins over its label
        assertThat(normalise(new ImagingMethod("unsupervised transmission electron microscopy", "FBbi:00000622"))
                .imagingMethods()).extracting(ImagingMethod::name).containsExactly("high-voltage electron microscopy (HVEM)");
    }

    @Test
    void transmissionElectronMicroscopySpellingsAreOneTerm() {
        DatasetMetadata m = normalise(new ImagingMethod("Transmission electron microscopy", null),
                new ImagingMethod("transmission electron microscopy (TEM)", null),
                new ImagingMethod("TEM", "FBbi_00000258"));
        assertThat(m.imagingMethods()).extracting(ImagingMethod::fbbiId).containsExactly("FBbi:00000258");
        assertThat(m.imagingMethods().get(0).label()).isEqualTo("Transmission electron microscopy");
    }

    @Test
    void samplePreparationAndVisualizationTermsLeaveTheImagingMethods() {
        DatasetMetadata m = normalise(new ImagingMethod("confocal microscopy", "FBbi:00000251"),
                new ImagingMethod("chemically fixed tissue", "FBbi:00000002"),
                new ImagingMethod("cryostat-sectioned tissue", "FBbi:00000027"),
                new ImagingMethod("horseradish peroxidase", "FBbi:00000138"));
        assertThat(m.imagingMethods()).extracting(ImagingMethod::fbbiId).containsExactly("FBbi:00000251");
        assertThat(m.samplePreparation()).containsExactly(
                new OntologyTerm("chemically fixed tissue", "FBbi:00000002", "chemically fixed tissue"),
                new OntologyTerm("cryostat-sectioned tissue", "FBbi:00000027", "cryostat-sectioned tissue"));
        assertThat(m.visualizationMethods()).containsExactly(
                new OntologyTerm("horseradish peroxidase", "FBbi:00000138", "horseradish peroxidase"));
    }

    @Test
    void anImagedParameterImpliesItsMethodWhichIsMarkedInferred() {
        DatasetMetadata m = normalise(new ImagingMethod("elastic scattering of electrons", "FBbi:00000586"));
        assertThat(m.imagingParameters()).containsExactly(
                new OntologyTerm("elastic scattering of electrons", "FBbi:00000586", "elastic scattering of electrons"));
        assertThat(m.imagingMethods()).singleElement().satisfies(em -> {
            assertThat(em.fbbiId()).isEqualTo("FBbi:00000256");
            assertThat(em.name()).isEqualTo("electron microscopy");
            assertThat(em.inferred()).isTrue();
        });
    }

    @Test
    void anImpliedMethodIsNotAddedWhenTheDatasetNamesItOrAMethodBelowIt() {
        DatasetMetadata m = normalise(new ImagingMethod("FIB-SEM", null),
                new ImagingMethod("elastic scattering of electrons", "FBbi:00000586"));
        assertThat(m.imagingMethods()).extracting(ImagingMethod::fbbiId).containsExactly("FBbi:00050000");
        assertThat(m.imagingMethods().get(0).inferred()).isNull();
    }

    @Test
    void recordedImageStaysOnlyWhereNothingMoreSpecificIsNamed() {
        DatasetMetadata both = normalise(new ImagingMethod("recorded image", "FBbi:00000265"),
                new ImagingMethod("time lapse microscopy", "FBbi:00000249"));
        assertThat(both.imagingMethods()).extracting(ImagingMethod::fbbiId).containsExactly("FBbi:00000249");
        assertThat(both.imagingMethods().get(0).ancestors()).contains(new TermRef("FBbi:00000265", "recorded image"));

        DatasetMetadata alone = normalise(new ImagingMethod("recorded image", "FBbi:00000265"));
        assertThat(alone.imagingMethods()).extracting(ImagingMethod::fbbiId).containsExactly("FBbi:00000265");
    }

    @Test
    void aMethodMappedToAGeneralTermForWantOfANarrowerOneIsNotDropped() {
        DatasetMetadata m = normalise(new ImagingMethod("imaging mass cytometry", null),
                new ImagingMethod("fluorescence microscopy", "FBbi_00000246"));
        assertThat(m.imagingMethods()).extracting(ImagingMethod::label, ImagingMethod::fbbiId).containsExactly(
                org.assertj.core.groups.Tuple.tuple("imaging mass cytometry", "FBbi:00000265"),
                org.assertj.core.groups.Tuple.tuple("fluorescence microscopy", "FBbi:00000246"));
    }

    @Test
    void aLabelNoVocabularyKnowsStaysAsGiven() {
        DatasetMetadata m = normalise(new ImagingMethod("multi-focus image fusion", null),
                new ImagingMethod("X-Ray Microtomography", "0026155"));
        assertThat(m.imagingMethods()).containsExactly(new ImagingMethod("multi-focus image fusion", null),
                new ImagingMethod("X-Ray Microtomography", "FBbi:00001002", "X-ray computed tomography",
                        Fbbi.ancestors("FBbi:00001002"), null));
    }

    @Test
    void normalisingTwiceGivesTheSameRecord() {
        DatasetMetadata once = normalise(new ImagingMethod("recorded image", "FBbi:00000265"),
                new ImagingMethod("elastic scattering of electrons", null),
                new ImagingMethod("chemically fixed tissue", null),
                new ImagingMethod("SPIM", null));
        DatasetMetadata.Builder again = once.toBuilder();
        normaliser.normalise(once, again);
        assertThat(again.build()).isEqualTo(once);
        assertThat(once.imagingMethods()).extracting(ImagingMethod::fbbiId).containsExactly("FBbi:00000369", "FBbi:00000256");
    }
}
