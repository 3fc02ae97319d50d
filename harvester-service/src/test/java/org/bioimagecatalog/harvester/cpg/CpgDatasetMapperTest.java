package org.bioimagecatalog.harvester.cpg;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.bioimagecatalog.model.DatasetMetadata;
import org.bioimagecatalog.model.DatasetSize;
import org.bioimagecatalog.model.Identifier;
import org.bioimagecatalog.model.ImagingMethod;
import org.bioimagecatalog.model.License;
import org.bioimagecatalog.model.Organism;
import org.bioimagecatalog.model.Publication;
import org.bioimagecatalog.model.Publication.Relation;
import org.bioimagecatalog.testsupport.Fixtures;
import org.junit.jupiter.api.Test;

/**
 * Every dataset of the recorded Gallery documents ({@code cpg/README.md}, {@code prefixes.md},
 * {@code publications.md}, {@code citing.md}), with values checked by hand against those files.
 */
class CpgDatasetMapperTest {
    private static final Publication GALLERY_PAPER = new Publication("10.1038/s41592-024-02399-z", null, null,
            "Cell Painting Gallery: an open resource for image-based profiling", 2024, "Weisbart et al.", Relation.RELATED);

    private final CpgDatasetMapper mapper = new CpgDatasetMapper();

    @Test
    void everyRegisteredDatasetOfTheRecordedDocumentsIsOneRecord() throws IOException {
        List<CpgDatasetMapper.Entry> entries = mapper.map(recorded());

        assertThat(entries).allSatisfy(e -> assertThat(e.rejection()).isNull());
        // prefixes.md registers cpg0000 … cpg0049; the README describes 26 of them in full
        assertThat(entries).extracting(CpgDatasetMapper.Entry::accession)
                .containsExactlyElementsOf(java.util.stream.IntStream.range(0, 50).mapToObj(i -> String.format("cpg%04d", i)).toList());
        assertThat(entries.stream().filter(e -> e.location().contains("README.md#"))).hasSize(26);
        assertThat(entries).allSatisfy(e -> {
            DatasetMetadata m = e.metadata();
            assertThat(m.title()).startsWith(e.accession());
            assertThat(m.identifiers()).first().isEqualTo(Identifier.of("cpg", e.accession())); // then its aliases
            assertThat(m.license()).isEqualTo(new License("CC0-1.0", "https://creativecommons.org/publicdomain/zero/1.0/",
                    "CC0 1.0 Universal (CC0 1.0)"));
            assertThat(m.imagingMethods()).containsExactly(new ImagingMethod("fluorescence microscopy", "FBbi:00000246"));
            assertThat(m.publications()).contains(GALLERY_PAPER);
            assertThat(m.accessUrls()).first().asString().isEqualTo("s3://cellpainting-gallery/" + m.title() + "/");
        });
    }

    @Test
    void cpg0000JumpPilotHasItsReadmeRowAndThePublicationsListTitle() throws IOException {
        DatasetMetadata m = byAccession().get("cpg0000").metadata();

        assertThat(m.title()).isEqualTo("cpg0000-jump-pilot");
        assertThat(m.description()).isEqualTo("300+ compounds and 160+ genes (CRISPR knockout and overexpression) "
                + "profiled in A549 and U2OS cells, at two timepoints");
        assertThat(m.landingPage()).isEqualTo("https://cellpainting-gallery.s3.amazonaws.com/index.html#cpg0000-jump-pilot/");
        assertThat(m.organisms()).containsExactly(new Organism("A549", "9606"), new Organism("U2OS", "9606"));
        assertThat(m.sampleTypes()).containsExactly("A549 cells", "U2OS cells");
        assertThat(m.publications()).containsExactly(
                new Publication("10.1038/s41592-024-02241-6", null, null, null, 2024, "Chandrasekaran et al.", Relation.PRIMARY),
                new Publication("10.1101/2022.01.05.475090", null, null,
                        "Three million images and morphological profiles of cells treated with matched chemical and genetic perturbations",
                        2022, "Chandrasekaran et al.", Relation.RELATED),
                GALLERY_PAPER);
        assertThat(m.size()).isEqualTo(new DatasetSize(12_300_000_000_000L, null, null,
                "total 12.3 TB; images 6.1 TB; numerical data 6.1 TB"));
        assertThat(m.keywords()).containsExactly("Cell Painting protocol: v2.5");
        assertThat(m.relatedDatasets()).containsExactly(
                Identifier.of("url", "https://github.com/jump-cellpainting/2023_Chandrasekaran_submitted"),
                Identifier.of("url", "https://broad.io/jump"),
                Identifier.of("url", "https://github.com/jump-cellpainting/datasets"));
    }

    @Test
    void cpg0010IsBbbc021AndListsTheReusingPapersOfPublicationsMd() throws IOException {
        DatasetMetadata m = byAccession().get("cpg0010").metadata();

        assertThat(m.identifiers()).contains(Identifier.of("bbbc", "BBBC021"));
        assertThat(m.relatedDatasets()).doesNotContain(Identifier.of("bbbc", "BBBC021"));
        assertThat(m.organisms()).containsExactly(new Organism("MCF-7", "9606"));
        assertThat(m.size().bytes()).isEqualTo(239_200_000_000L);
        assertThat(m.publications()).extracting(Publication::doi).containsExactly("10.1158/1535-7163.mct-09-1148",
                "10.1101/293431", "10.1101/227645", "10.1101/085118", "10.1038/s41592-024-02399-z");
        assertThat(m.publications().get(0)).isEqualTo(new Publication("10.1158/1535-7163.mct-09-1148", null, null,
                "High-Content Phenotypic Profiling of Drug Response Signatures across Distinct Cancer Cells", 2010,
                "Caie et al.", Relation.PRIMARY));
    }

    @Test
    void aliasesPublisherUrlsAndPreprintsOfOtherRows() throws IOException {
        Map<String, CpgDatasetMapper.Entry> all = byAccession();
        // "[idr0016](…), CDRP, [BBBC036](…), [BBBC047](…)": accessions from the link text are identifiers (the
        // same images), other names keywords
        DatasetMetadata cpg0012 = all.get("cpg0012").metadata();
        assertThat(cpg0012.identifiers()).contains(Identifier.of("idr", "idr0016"), Identifier.of("bbbc", "BBBC036"),
                Identifier.of("bbbc", "BBBC047"));
        assertThat(cpg0012.keywords()).containsExactly("Cell Painting protocol: v1", "CDRP");
        // a publisher URL with /doi/…, a nature.com article and an arXiv preprint resolve to DOIs
        assertThat(all.get("cpg0031").metadata().publications().get(0).doi()).isEqualTo("10.1091/mbc.e21-11-0538");
        assertThat(all.get("cpg0019").metadata().publications()).extracting(Publication::doi, Publication::relation)
                .startsWith(org.assertj.core.groups.Tuple.tuple("10.1038/s41467-024-45999-1", Relation.PRIMARY),
                        org.assertj.core.groups.Tuple.tuple("10.1101/2022.08.12.503783", Relation.RELATED));
        // a proceedings page names no identifier: the arXiv preprint is then the primary publication
        assertThat(all.get("cpg0034").metadata().publications().get(0))
                .isEqualTo(new Publication("10.48550/arxiv.2406.08649", null, null, null, 2024, "Arevalo and Su et al.", Relation.PRIMARY));
        // "~10 TB", ".3 GB", "0"
        assertThat(all.get("cpg0046").metadata().size().bytes()).isEqualTo(10_000_000_000_000L);
        assertThat(all.get("cpg0030").metadata().size().description()).isEqualTo("total 234 GB; images 234 GB; numerical data .3 GB");
        // registered in prefixes.md only: name, licence, access, the Gallery paper
        DatasetMetadata cpg0013 = all.get("cpg0013").metadata();
        assertThat(cpg0013.title()).isEqualTo("cpg0013");
        assertThat(cpg0013.description()).isNull();
        assertThat(cpg0013.publications()).containsExactly(GALLERY_PAPER);
    }

    @Test
    void aRowWithTheWrongNumberOfCellsOrABadNameIsRejectedWithItsLine() {
        String readme = "## Citation/license\n\nAll the data is released with CC0 1.0 Universal (CC0 1.0).\n\n## Complete datasets\n\n"
                + "| Dataset name | Description | Publication to cite | Total size |\n| -- | -- | -- | :--: |\n"
                + "| cpg0100-good | fine | (Doe et al., 2020) [Publication](https://doi.org/10.1234/x) | 1 GB |\n"
                + "| cpg0101-short | too few cells |\n"
                + "| notacpg | x | y | 2 GB |\n";

        List<CpgDatasetMapper.Entry> entries = mapper.map(new CpgDocuments(readme, "http://h/README.md", null, null, null, null, null));

        assertThat(entries).extracting(CpgDatasetMapper.Entry::location, CpgDatasetMapper.Entry::rejection).containsExactly(
                org.assertj.core.groups.Tuple.tuple("http://h/README.md#cpg0100-good", null),
                org.assertj.core.groups.Tuple.tuple("http://h/README.md#cpg0101-short",
                        "README.md line 10: 2 cells where the dataset table has 4 columns"),
                org.assertj.core.groups.Tuple.tuple("http://h/README.md#L11",
                        "README.md line 11: 'notacpg' is not a Cell Painting Gallery name (cpgNNNN-…)"));
        DatasetMetadata good = entries.get(0).metadata();
        assertThat(good.publications()).containsExactly(new Publication("10.1234/x", null, null, null, 2020, "Doe et al.", Relation.PRIMARY));
        assertThat(good.license().spdx()).isEqualTo("CC0-1.0");
        assertThat(good.size().bytes()).isEqualTo(1_000_000_000L);
    }

    private Map<String, CpgDatasetMapper.Entry> byAccession() throws IOException {
        return mapper.map(recorded()).stream().collect(Collectors.toMap(CpgDatasetMapper.Entry::accession, Function.identity()));
    }

    static CpgDocuments recorded() throws IOException {
        Path dir = Fixtures.require("cpg");
        return new CpgDocuments(Files.readString(dir.resolve("README.md")), dir.resolve("README.md").toUri().toString(),
                Files.readString(dir.resolve("prefixes.md")), dir.resolve("prefixes.md").toUri().toString(),
                Files.readString(dir.resolve("publications.md")), dir.resolve("publications.md").toUri().toString(),
                Files.readString(dir.resolve("citing.md")));
    }
}
