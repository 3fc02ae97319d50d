package org.bioimagecatalog.catalog.merge;

import static org.assertj.core.api.Assertions.assertThat;

import org.bioimagecatalog.model.DatasetMetadata;
import org.bioimagecatalog.model.Identifier;
import org.bioimagecatalog.model.Publication;
import org.junit.jupiter.api.Test;

/** The "same dataset" rule, key by key (no Quarkus: pure logic). */
class MatchKeysTest {

    @Test
    void idrStudyIsKnownByItsOwnAccessionItsMirrorAndItsDataDoi() {
        DatasetMetadata idr = DatasetMetadata.builder().title("t")
                .identifier(Identifier.of(Identifier.IDR, "idr0067"))
                .identifier(Identifier.of(Identifier.BIA, "S-BIAD15"))
                .identifier(Identifier.of(Identifier.DOI, "https://doi.org/10.17867/10000130"))
                .build();
        assertThat(MatchKeys.of("idr", "idr0067", idr))
                .containsExactlyInAnyOrder("rec:idr:idr0067", "rec:bia:S-BIAD15", "doi:10.17867/10000130");
    }

    @Test
    void aDoiThatIsAlsoThePublicationDoiIsNotAMatchKey() {
        DatasetMetadata zenodo = DatasetMetadata.builder().title("t")
                .identifier(Identifier.of(Identifier.DOI, "10.7554/eLife.47156"))
                .publication(new Publication("10.7554/elife.47156", null, null, null, 2019, null,
                        Publication.Relation.PRIMARY))
                .build();
        assertThat(MatchKeys.of("zenodo", "3657044", zenodo)).containsExactly("rec:zenodo:3657044");
    }

    @Test
    void relatedDatasetsAndCollectionsOfOneArchiveDoNotMakeKeys() {
        DatasetMetadata collection = DatasetMetadata.builder().title("t")
                .identifier(Identifier.of(Identifier.IDR, "idr0001"))
                .identifier(Identifier.of(Identifier.IDR, "idr0002"))
                .identifier(Identifier.of(Identifier.EMPIAR, "EMPIAR-10310"))
                .relatedDataset(Identifier.of(Identifier.BIA, "S-BIAD15"))
                .build();
        assertThat(MatchKeys.of("zenodo", "1", collection))
                .containsExactlyInAnyOrder("rec:zenodo:1", "rec:empiar:EMPIAR-10310");
    }

    @Test
    void anotherStudyOfTheRecordsOwnArchiveIsRelatedNotTheSame() {
        DatasetMetadata idr = DatasetMetadata.builder().title("t")
                .identifier(Identifier.of(Identifier.IDR, "idr0068"))
                .build();
        assertThat(MatchKeys.of("idr", "idr0067", idr)).containsExactly("rec:idr:idr0067");
    }

    @Test
    void aRecordWhoseNativeIdIsADoiIsKnownByThatDoi() {
        assertThat(MatchKeys.of("datacite", "10.6019/EMPIAR-10310", null))
                .containsExactlyInAnyOrder("rec:datacite:10.6019/EMPIAR-10310", "doi:10.6019/empiar-10310");
    }

    @Test
    void accessionsAreNormalisedWhateverTheirCase() {
        DatasetMetadata bia = DatasetMetadata.builder().title("t")
                .identifier(Identifier.of("IDR", "IDR0067")).build();
        assertThat(MatchKeys.of("bia", "s-biad15", bia)).containsExactlyInAnyOrder("rec:bia:S-BIAD15", "rec:idr:idr0067");
    }

    @Test
    void aMirrorHeldUnderAnotherArchivesAccessionIsThatArchivesEntry() {
        assertThat(MatchKeys.of("bia", "EMPIAR-10310", null))
                .containsExactlyInAnyOrder("rec:bia:EMPIAR-10310", "rec:empiar:EMPIAR-10310");
    }

    @Test
    void declaredAliasesOfTheCellPaintingGalleryAreKeysButTwoOfOneArchiveAreACollection() {
        // cpg0012: "[idr0016](…), CDRP, [BBBC036](…), [BBBC047](…)" as the harvester maps it
        DatasetMetadata cpg0012 = DatasetMetadata.builder().title("t")
                .identifier(Identifier.of("cpg", "cpg0012"))
                .identifier(Identifier.of(Identifier.IDR, "idr0016"))
                .identifier(Identifier.of("bbbc", "BBBC036"))
                .identifier(Identifier.of("bbbc", "BBBC047"))
                .build();
        assertThat(MatchKeys.of("cpg", "cpg0012", cpg0012)).containsExactlyInAnyOrder("rec:cpg:cpg0012", "rec:idr:idr0016");
    }
}
