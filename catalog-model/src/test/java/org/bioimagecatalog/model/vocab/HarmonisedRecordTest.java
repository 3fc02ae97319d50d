package org.bioimagecatalog.model.vocab;

import static org.assertj.core.api.Assertions.assertThat;

import org.bioimagecatalog.model.DatasetMetadata;
import org.bioimagecatalog.model.FileFormat;
import org.bioimagecatalog.model.ImagingMethod;
import org.bioimagecatalog.model.License;
import org.bioimagecatalog.model.OntologyTerm;
import org.junit.jupiter.api.Test;

/** An EMPIAR-like record through the whole {@link MetadataNormaliser}: methods, terms, formats and licence. */
class HarmonisedRecordTest {

    @Test
    void aRecordComesOutWithIdsNamesAndItsOwnLabels() {
        DatasetMetadata harvested = DatasetMetadata.builder().title("EMPIAR-10310")
                .imagingMethod(new ImagingMethod("elastic scattering of electrons", null))
                .imagingMethod(new ImagingMethod("chemically fixed tissue", "http://purl.obolibrary.org/obo/FBbi_00000002"))
                .format("MRC").format("TIFF").format("tif").format("sample_A")
                .license(new License(null, "https://creativecommons.org/publicdomain/zero/1.0/", "CC0"))
                .build();

        DatasetMetadata m = new MetadataNormaliser(TaxonResolver.NONE).normalise(harvested);

        assertThat(m.imagingMethods()).singleElement().satisfies(em -> {
            assertThat(em.fbbiId()).isEqualTo("FBbi:00000256");
            assertThat(em.inferred()).isTrue();
        });
        assertThat(m.imagingParameters()).extracting(OntologyTerm::id).containsExactly("FBbi:00000586");
        assertThat(m.samplePreparation()).extracting(OntologyTerm::id).containsExactly("FBbi:00000002");
        assertThat(m.formats()).containsExactly(
                new FileFormat("MRC", "bioformats:mrc", "MRC (Medical Research Council)"),
                new FileFormat("TIFF", "format_3591", "TIFF"),
                new FileFormat("sample_A", null, null));
        assertThat(m.license()).isEqualTo(new License("CC0-1.0", "https://creativecommons.org/publicdomain/zero/1.0/", "CC0"));
        assertThat(new MetadataNormaliser(TaxonResolver.NONE).normalise(m)).isEqualTo(m);
        assertThat(MetadataNormaliser.VERSION).isGreaterThanOrEqualTo(2);
    }
}
