package org.bioimagecatalog.model.ids;

import static org.assertj.core.api.Assertions.assertThat;

import org.bioimagecatalog.model.ids.Accession.Archive;
import org.junit.jupiter.api.Test;

class AccessionTest {

    @Test
    void parsesEachArchivesAccessionIntoItsCanonicalCase() {
        assertThat(Accession.parse("IDR0001")).contains(new Accession(Archive.IDR, "idr0001"));
        assertThat(Accession.parse("empiar-10002")).contains(new Accession(Archive.EMPIAR, "EMPIAR-10002"));
        assertThat(Accession.parse("S-BIAD144")).contains(new Accession(Archive.BIA, "S-BIAD144"));
        assertThat(Accession.parse("S-BSST1")).contains(new Accession(Archive.BIA, "S-BSST1"));
        assertThat(Accession.parse("bbbc021")).contains(new Accession(Archive.BBBC, "BBBC021"));
        assertThat(Accession.parse("EMD-1234")).isEmpty();
    }

    @Test
    void findsAccessionsMentionedInFreeText() {
        var found = Accession.findAll("Images are in the IDR (idr0067) and mirrored as S-BIAD15; see also EMPIAR-10002.");
        assertThat(found).extracting(Accession::recordKey)
                .containsExactly("idr:idr0067", "empiar:EMPIAR-10002", "bia:S-BIAD15");
    }

    @Test
    void readsCellPaintingGalleryAndSsbdAccessionsAndTheirUrls() {
        assertThat(Accession.parse("CPG0016")).contains(new Accession(Archive.CPG, "cpg0016"));
        assertThat(Accession.parse("SSBD-repos-000431")).contains(new Accession(Archive.SSBD, "ssbd-repos-000431"));
        assertThat(Accession.findAll("https://ssbd.riken.jp/repository/ssbd-repos-000431/")).extracting(Accession::value)
                .containsExactly("ssbd-repos-000431");
        assertThat(Accession.findAll("https://www.ebi.ac.uk/empiar/EMPIAR-10002/")).extracting(Accession::value)
                .containsExactly("EMPIAR-10002");
    }

    @Test
    void namesEachArchivesOwnLandingPage() {
        assertThat(new Accession(Archive.IDR, "idr0001").landingUrl())
                .isEqualTo("https://idr.openmicroscopy.org/search/?query=Name:idr0001");
        assertThat(new Accession(Archive.EMPIAR, "EMPIAR-10002").landingUrl())
                .isEqualTo("https://www.ebi.ac.uk/empiar/EMPIAR-10002/");
        assertThat(new Accession(Archive.BIA, "S-BIAD15").landingUrl())
                .isEqualTo("https://www.ebi.ac.uk/biostudies/bioimages/studies/S-BIAD15");
        assertThat(new Accession(Archive.BBBC, "BBBC021").landingUrl()).isEqualTo("https://bbbc.broadinstitute.org/BBBC021");
        assertThat(Archive.ofSource("cpg")).contains(Archive.CPG);
    }
}
