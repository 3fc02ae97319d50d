package org.bioimagecatalog.harvester.bbbc;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.bioimagecatalog.model.CellLine;
import org.bioimagecatalog.model.DatasetMetadata;
import org.bioimagecatalog.model.License;
import org.bioimagecatalog.model.Organism;
import org.bioimagecatalog.model.Publication;
import org.bioimagecatalog.model.Publication.Relation;
import org.bioimagecatalog.testsupport.Fixtures;
import org.junit.jupiter.api.Test;

/**
 * The BBBC page mapper over the 41 recorded dataset pages of the 2020 static site ({@code ../shared/fixtures/bbbc/
 * dataset-pages}): a handful field by field, and every page for what must hold on all of them (the site's banner is
 * no title, the footer is in no field, a licence or "unknown").
 */
class BbbcRecordedPagesTest {
    private static final License CC_BY_NC_SA_3 = new License("CC-BY-NC-SA-3.0", "http://creativecommons.org/licenses/by-nc-sa/3.0/",
            "Creative Commons Attribution-NonCommercial-ShareAlike 3.0 Unported License");
    private static final License CC0 = new License("CC0-1.0", "http://creativecommons.org/publicdomain/zero/1.0/", "CC0-1.0");
    private static final License UNKNOWN = new License(null, null, "unknown");
    private static final Organism HUMAN = new Organism("Human", "9606");

    private final BbbcPageMapper mapper = new BbbcPageMapper();

    @Test
    void bbbc021IsTheMcf7CompoundProfilingSetWithMechanismLabelsAndNoLicence() throws IOException {
        BbbcPage page = page("BBBC021");
        DatasetMetadata m = page.metadata();

        assertThat(page.accession()).isEqualTo("BBBC021");
        assertThat(page.version()).isEqualTo("1");
        assertThat(m.title()).isEqualTo("Human MCF7 cells – compound-profiling experiment");
        assertThat(m.description()).startsWith("Phenotypic profiling attempts to summarize multiparametric, feature-based analysis")
                .contains("(MCF-7)").contains("Ground truth: A subset of the compound-concentrations have been identified")
                .doesNotContain("This page last updated");
        assertThat(m.organisms()).containsExactly(HUMAN);
        assertThat(m.cellLines()).containsExactly(new CellLine("MCF7", "CVCL_0031", "MCF-7", "9606"));
        // the Copyright section names AstraZeneca and grants no licence
        assertThat(m.license()).isEqualTo(UNKNOWN);
        assertThat(m.keywords()).containsExactly("ground truth", "ground truth: biological labels", "version 1");
        assertThat(m.publications()).extracting(Publication::doi, Publication::relation).containsExactly(
                org.assertj.core.groups.Tuple.tuple("10.1158/1535-7163.mct-09-1148", Relation.PRIMARY),
                org.assertj.core.groups.Tuple.tuple("10.1101/161422", Relation.RELATED),
                org.assertj.core.groups.Tuple.tuple("10.1177/1087057113503553", Relation.RELATED),
                org.assertj.core.groups.Tuple.tuple("10.1101/085118", Relation.RELATED),
                org.assertj.core.groups.Tuple.tuple("10.1111/jmi.12178", Relation.RELATED),
                org.assertj.core.groups.Tuple.tuple("10.1038/nmeth.2083", Relation.RELATED));
        assertThat(m.accessUrls()).contains("https://data.broadinstitute.org/bbbc/BBBC021/BBBC021_v1_images_Week1_22123.zip",
                "https://data.broadinstitute.org/bbbc/BBBC021/BBBC021_v1_moa.csv");
    }

    @Test
    void bbbc001IsHumanHt29WithCountsAndACcByNcSaLicence() throws IOException {
        DatasetMetadata m = page("BBBC001").metadata();

        assertThat(m.title()).isEqualTo("Human HT29 colon-cancer cells");
        assertThat(m.description()).startsWith("These images are of human HT29 colon cancer cells");
        assertThat(m.organisms()).containsExactly(HUMAN);
        assertThat(m.cellLines()).containsExactly(new CellLine("HT29", "CVCL_0320", "HT-29", "9606"));
        assertThat(m.license()).isEqualTo(CC_BY_NC_SA_3);
        assertThat(m.keywords()).containsExactly("ground truth", "ground truth: counts", "version 1");
        assertThat(m.publications()).extracting(Publication::doi).containsExactly("10.1016/j.cell.2006.01.040", "10.1038/nmeth.2083");
    }

    @Test
    void bbbc010HasNoCopyrightSectionSoItsLicenceIsUnknown() throws IOException {
        DatasetMetadata m = page("BBBC010").metadata();

        assertThat(m.title()).isEqualTo("C. elegans live/dead assay");
        assertThat(m.organisms()).containsExactly(new Organism("C. elegans", "6239"));
        assertThat(m.license()).isEqualTo(UNKNOWN);
        assertThat(m.keywords()).contains("ground truth", "ground truth: biological labels",
                "ground truth: foreground/background", "ground truth: outlines of objects");
        assertThat(m.publications()).filteredOn(p -> p.relation() == Relation.PRIMARY).extracting(Publication::doi)
                .containsExactly("10.1021/cb900084v");
    }

    @Test
    void bbbc022IsTheCellPaintingSetWithoutGroundTruthUnderCc0() throws IOException {
        DatasetMetadata m = page("BBBC022").metadata();

        assertThat(m.title()).isEqualTo("Human U2OS cells – compound-profiling Cell Painting experiment");
        assertThat(m.organisms()).containsExactly(HUMAN);
        assertThat(m.cellLines()).containsExactly(new CellLine("U2OS", "CVCL_0042", "U2OS", "9606"));
        assertThat(m.license()).isEqualTo(CC0);
        assertThat(m.keywords()).containsExactly("version 1");
        assertThat(m.publications()).extracting(Publication::doi, Publication::relation).containsExactly(
                org.assertj.core.groups.Tuple.tuple("10.1371/journal.pone.0080999", Relation.PRIMARY),
                org.assertj.core.groups.Tuple.tuple("10.1038/nmeth.2083", Relation.RELATED));
    }

    @Test
    void bbbc039TakesItsSpeciesFromTheCellLineAndBbbc041NamesTwoOrganisms() throws IOException {
        DatasetMetadata nuclei = page("BBBC039").metadata();
        assertThat(nuclei.title()).isEqualTo("Nuclei of U2OS cells in a chemical screen");
        assertThat(nuclei.organisms()).containsExactly(new Organism("Homo sapiens", "9606"));
        assertThat(nuclei.license()).isEqualTo(CC0);

        DatasetMetadata malaria = page("BBBC041").metadata();
        assertThat(malaria.title()).isEqualTo("P. vivax (malaria) infected human blood smears");
        assertThat(malaria.organisms()).containsExactly(new Organism("human", "9606"), new Organism("P. vivax", "5855"));
        assertThat(malaria.license()).isEqualTo(CC_BY_NC_SA_3);
    }

    @Test
    void bbbc019IsVersion2AndBbbc030IsChineseHamster() throws IOException {
        BbbcPage migration = page("BBBC019");
        assertThat(migration.version()).isEqualTo("2");
        assertThat(migration.metadata().title()).isEqualTo("Collective cell migration");
        assertThat(migration.metadata().license().spdx()).isEqualTo("CC-BY-3.0");

        DatasetMetadata cho = page("BBBC030").metadata();
        assertThat(cho.title()).isEqualTo("Chinese Hamster Ovary Cells");
        assertThat(cho.organisms()).containsExactly(new Organism("Chinese Hamster", "10029"));
        assertThat(cho.keywords()).contains("ground truth: outlines of objects");
    }

    @Test
    void everyRecordedPageMapsSanely() throws IOException {
        List<Path> pages;
        try (Stream<Path> files = Files.list(Fixtures.require("bbbc/dataset-pages"))) {
            pages = files.filter(p -> p.getFileName().toString().matches("BBBC\\d{3}\\.html")).sorted().toList();
        }
        assertThat(pages).hasSize(41);
        for (Path file : pages) {
            String accession = file.getFileName().toString().replace(".html", "");
            BbbcPage page = page(accession);
            DatasetMetadata m = page.metadata();
            assertThat(page.accession()).as(accession).isEqualTo(accession);
            assertThat(page.version()).as(accession).isNotNull();
            assertThat(m.title()).as(accession).isNotBlank().doesNotContainIgnoringCase("Broad Bioimage Benchmark Collection")
                    .doesNotStartWith("BBBC");
            assertThat(m.description()).as(accession).isNotBlank().doesNotContain("This page last updated");
            assertThat(m.license()).as(accession).isNotNull();
            assertThat(m.license().label()).as(accession).isNotBlank().doesNotContain("last updated").hasSizeLessThan(120);
            assertThat(m.license().spdx() != null || m.license().label().equals("unknown")).as(accession + " licence").isTrue();
            assertThat(m.publications()).as(accession).allMatch(Publication::hasIdentifier);
            assertThat(m.accessUrls()).as(accession).allMatch(u -> u.startsWith("https://data.broadinstitute.org/bbbc/"));
        }
    }

    private BbbcPage page(String accession) throws IOException {
        Path file = Fixtures.require("bbbc/dataset-pages/" + accession + ".html");
        try {
            return mapper.map(Files.readAllBytes(file), "https://data.broadinstitute.org/bbbc/" + accession + "/");
        } catch (org.bioimagecatalog.harvester.files.InvalidRecordException e) {
            throw new AssertionError(accession + " was rejected: " + e.getMessage(), e);
        }
    }
}
