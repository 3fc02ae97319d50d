package org.bioimagecatalog.harvester.bbbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import org.bioimagecatalog.harvester.files.InvalidRecordException;
import org.bioimagecatalog.model.DatasetMetadata;
import org.bioimagecatalog.model.DatasetSize;
import org.bioimagecatalog.model.Identifier;
import org.bioimagecatalog.model.ImagingMethod;
import org.bioimagecatalog.model.License;
import org.bioimagecatalog.model.Organism;
import org.bioimagecatalog.model.Publication;
import org.bioimagecatalog.model.Publication.Relation;
import org.junit.jupiter.api.Test;

/**
 * The BBBC page mapper over the self-written pages in {@code src/test/resources/bbbc} (the shared fixtures hold no
 * BBBC page; see the README there): two templates, and a malformed page.
 */
class BbbcPageMapperTest {
    private final BbbcPageMapper mapper = new BbbcPageMapper();

    @Test
    void bbbc021PageMapsEverySection() throws Exception {
        BbbcPage page = mapper.map(resource("bbbc/pages/BBBC021.html"), "https://bbbc.broadinstitute.org/BBBC021");
        DatasetMetadata m = page.metadata();

        assertThat(page.accession()).isEqualTo("BBBC021");
        assertThat(page.version()).isEqualTo("1");
        assertThat(m.title()).isEqualTo("Human MCF7 cells – compound-profiling experiment");
        assertThat(m.identifiers()).containsExactly(Identifier.of("bbbc", "BBBC021"));
        assertThat(m.landingPage()).isEqualTo("https://bbbc.broadinstitute.org/BBBC021");
        assertThat(m.description()).startsWith("Phenotypic profiling attempts").contains("113 small molecules")
                .endsWith("Ground truth: A subset of the compound-concentrations have been identified as clearly having one of "
                        + "12 primary mechanisms of action. BBBC021_v1_moa.csv");
        assertThat(m.organisms()).containsExactly(new Organism("Human", "9606"));
        assertThat(m.imagingMethods()).containsExactly(new ImagingMethod("fluorescent microscopy", "FBbi:00000246"));
        assertThat(m.formatLabels()).containsExactly("TIFF");
        assertThat(m.size()).isEqualTo(new DatasetSize(2_052_000_000L, 39_600L, null,
                "There are 39,600 image files (13,200 fields of view imaged in three channels) in TIFF format."));
        assertThat(m.publications()).containsExactly(
                new Publication("10.1158/1535-7163.mct-09-1148", null, null, "Caie et al., Molecular Cancer Therapeutics, 2010",
                        null, null, Relation.PRIMARY),
                new Publication("10.1038/nmeth.2083", null, null, "Ljosa et al., Nature Methods, 2012", 2012, null, Relation.RELATED));
        assertThat(m.license()).isEqualTo(new License("CC-BY-NC-SA-3.0", "https://creativecommons.org/licenses/by-nc-sa/3.0/",
                "Creative Commons Attribution-NonCommercial-ShareAlike 3.0 Unported License"));
        assertThat(m.accessUrls()).containsExactly(
                "https://data.broadinstitute.org/bbbc/BBBC021/BBBC021_v1_images_Week1_22123.zip",
                "https://data.broadinstitute.org/bbbc/BBBC021/BBBC021_v1_images_Week1_22141.zip",
                "https://data.broadinstitute.org/bbbc/BBBC021/BBBC021_v1_image.csv",
                "https://data.broadinstitute.org/bbbc/BBBC021/BBBC021_v1_moa.csv");
        // the menu (BBBC022) and the footer (idr0035) are not the page's content
        assertThat(m.relatedDatasets()).isEmpty();
        assertThat(m.studyTypes()).containsExactly("benchmark image set");
        assertThat(m.keywords()).containsExactly("ground truth", "version 1");
    }

    @Test
    void anotherTemplateWithTextLicenceAndIdentifiersInProse() throws Exception {
        DatasetMetadata m = mapper.map(resource("bbbc/pages/BBBC999.html"), "file:///saved/BBBC999.html").metadata();

        assertThat(m.title()).isEqualTo("Drosophila Kc167 cells – example");
        assertThat(m.identifiers()).containsExactly(Identifier.of("bbbc", "BBBC999"));
        // the title names the organism, so the mouse antibody of the description is not read as one
        assertThat(m.organisms()).containsExactly(new Organism("Drosophila", "7227"));
        assertThat(m.imagingMethods()).containsExactly(new ImagingMethod("confocal microscopy", "FBbi:00000251"),
                new ImagingMethod("brightfield imaging", "FBbi:00000243"));
        assertThat(m.formatLabels()).containsExactly("PNG");
        assertThat(m.size()).isEqualTo(new DatasetSize(10_500_000L, 16L, null,
                "The 16 images (PNG) were acquired by confocal microscopy and by brightfield imaging."));
        assertThat(m.publications()).containsExactly(
                new Publication("10.1234/example.999", null, null, null, null, null, Relation.PRIMARY),
                new Publication(null, "12345678", null, null, null, null, Relation.PRIMARY));
        assertThat(m.license()).isEqualTo(new License("CC0-1.0", null, "These images are dedicated to the public domain (CC0)."));
        assertThat(m.keywords()).containsExactly("version 2");
    }

    @Test
    void aPageWithoutTitleOrAccessionIsRejected() throws Exception {
        assertThatThrownBy(() -> mapper.map(resource("bbbc/pages/BBBC998.html"), "http://mirror/BBBC998"))
                .isInstanceOf(InvalidRecordException.class).hasMessage("BBBC998: the page has no title");
        assertThatThrownBy(() -> mapper.map(resource("bbbc/pages/BBBC998.html"), "http://mirror/gone"))
                .isInstanceOf(InvalidRecordException.class).hasMessage("no BBBC accession (BBBCnnn) on the page");
        assertThatThrownBy(() -> mapper.map("plain text".getBytes(), "http://mirror/BBBC001"))
                .isInstanceOf(InvalidRecordException.class).hasMessage("not an HTML page");
    }

    static byte[] resource(String name) throws IOException {
        try (InputStream in = BbbcPageMapperTest.class.getClassLoader().getResourceAsStream(name)) {
            return in.readAllBytes();
        }
    }
}
