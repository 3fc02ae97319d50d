package org.bioimagecatalog.catalog.merge;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.stream.Stream;
import org.bioimagecatalog.model.CellLine;
import org.bioimagecatalog.model.Creator;
import org.bioimagecatalog.model.DatasetMetadata;
import org.bioimagecatalog.model.DatasetSize;
import org.bioimagecatalog.model.FileFormat;
import org.bioimagecatalog.model.Identifier;
import org.bioimagecatalog.model.ImagingMethod;
import org.bioimagecatalog.model.License;
import org.bioimagecatalog.model.ModelJson;
import org.bioimagecatalog.model.OntologyTerm;
import org.bioimagecatalog.model.Organism;
import org.bioimagecatalog.model.Publication;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The typed merge of a dataset of one record gives exactly what the general merge on JSON trees gives: the same
 * metadata (as a value and as JSON, which the content hash is taken of) and the same provenance, or leaves the
 * record to the general merge.
 */
class SingleRecordMergeTest {

    static Stream<DatasetMetadata> records() {
        DatasetMetadata full = new DatasetMetadata("A study of mitosis", "What it is about.",
                List.of(Identifier.of("idr", "idr0001"), Identifier.of("doi", "10.17867/10000101")),
                "https://idr.openmicroscopy.org/webclient/?show=project-101",
                List.of(new Creator("Ada Lovelace", "0000-0002-1825-0097", "Somewhere", null, List.of("submitter"))),
                List.of(new Publication("10.1016/j.devcel.2014.09.005", "25373780", "PMC4648281", "The paper", 2014,
                        "Graml V et al.", Publication.Relation.PRIMARY)),
                List.of(new Organism("Homo sapiens", "9606", "Homo sapiens", "species", List.of())),
                List.of(new ImagingMethod("confocal microscopy", "FBbi:00000251", "confocal microscopy", List.of(), false)),
                List.of("cell biology"), List.of("cells"), List.of("mitosis", "screen"),
                new License("CC-BY-4.0", "https://creativecommons.org/licenses/by/4.0/", "CC BY 4.0"),
                LocalDate.of(2016, 5, 1), LocalDate.of(2017, 1, 2), new DatasetSize(1000L, 20L, 3L, "1 kB"),
                List.of(FileFormat.ofLabel("OME-TIFF")), List.of("https://example.org/data"), List.of("Wellcome"),
                List.of(Identifier.of("bia", "S-BIAD15")),
                List.of(new CellLine("HeLa", "CVCL_0030", "HeLa", "9606")),
                List.of(new OntologyTerm("fixed", null, null)), List.of(), List.of());
        DatasetMetadata duplicates = new DatasetMetadata("Duplicates", null,
                List.of(Identifier.of("doi", "10.1234/ABC"), Identifier.of("DOI", "https://doi.org/10.1234/abc"),
                        Identifier.of("idr", "idr0002")),
                null, List.of(), List.of(
                        new Publication(null, "123", null, "First", null, null, null),
                        new Publication(null, "123", "PMC9", "Same PMID", null, null, null),
                        new Publication(null, null, "pmc9", "Same PMCID", null, null, null),
                        new Publication(null, null, null, "Only a title", null, null, null),
                        new Publication(null, null, null, "ONLY A TITLE", null, null, null)),
                List.of(), List.of(), List.of(), List.of(), List.of("Mitosis", "mitosis", "MITOSIS", "screen"),
                null, null, null, null,
                List.of(FileFormat.ofLabel("TIFF"), FileFormat.ofLabel("TIFF"), FileFormat.ofLabel("PNG")),
                List.of("https://A.example", "https://a.example"), List.of("NIH", "nih"),
                List.of(Identifier.of("doi", "10.1234/abc"), Identifier.of("empiar", "EMPIAR-10310"),
                        Identifier.of("EMPIAR", "empiar-10310")),
                List.of(), List.of(), List.of(), List.of());
        DatasetMetadata titleOnly = DatasetMetadata.builder().title("Only a title").build();
        DatasetMetadata relatedIsItself = DatasetMetadata.builder().title("Itself")
                .identifier(Identifier.of("doi", "10.5/x")).relatedDataset(Identifier.of("doi", "10.5/X")).build();
        DatasetMetadata partlyEmptyObjects = DatasetMetadata.builder().title("Parts")
                .license(new License(null, null, "CC BY")).size(new DatasetSize(0L, null, null, null)).build();
        return Stream.of(full, duplicates, titleOnly, relatedIsItself, partlyEmptyObjects);
    }

    @ParameterizedTest
    @MethodSource("records")
    void givesWhatTheGeneralMergeGives(DatasetMetadata metadata) {
        MergeInput record = new MergeInput("src:1", "src", metadata);

        MergedMetadata typed = SingleRecordMerge.merge(record);
        MergedMetadata general = MetadataMerger.mergeRanked(List.of(record));

        assertThat(typed).isNotNull();
        assertThat(typed.metadata()).isEqualTo(general.metadata());
        assertThat(ModelJson.write(typed.metadata())).isEqualTo(ModelJson.write(general.metadata()));
        assertThat(ModelJson.write(typed.provenance())).isEqualTo(ModelJson.write(general.provenance()));
    }

    @ParameterizedTest
    @MethodSource("records")
    void dropsDuplicatesOfUnionFieldsOnly(DatasetMetadata metadata) {
        MergedMetadata typed = SingleRecordMerge.merge(new MergeInput("src:1", "src", metadata));

        assertThat(typed.metadata().title()).isEqualTo(metadata.title());
        assertThat(typed.metadata().keywords()).hasSizeLessThanOrEqualTo(metadata.keywords().size());
        assertThat(typed.provenance().keySet()).contains("title");
    }

    static Stream<DatasetMetadata> special() {
        return Stream.of(DatasetMetadata.builder().title("  ").build(),
                DatasetMetadata.builder().title("Empty licence").license(new License(null, null, null)).build(),
                DatasetMetadata.builder().title("Licence of empty texts").license(new License("", "", null)).build(),
                DatasetMetadata.builder().title("Empty size").size(new DatasetSize(null, null, null, "")).build());
    }

    @ParameterizedTest
    @MethodSource("special")
    void leavesBlankAndEmptyValuesToTheGeneralMerge(DatasetMetadata metadata) {
        assertThat(SingleRecordMerge.merge(new MergeInput("src:1", "src", metadata))).isNull();
    }
}
