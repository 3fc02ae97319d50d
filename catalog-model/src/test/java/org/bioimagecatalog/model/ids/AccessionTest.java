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
}
