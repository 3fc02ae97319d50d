package org.bioimagecatalog.harvester.idr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.bioimagecatalog.harvester.idr.LegacyTextDecoder.Encoding;
import org.bioimagecatalog.model.Creator;
import org.bioimagecatalog.model.DatasetMetadata;
import org.bioimagecatalog.model.Identifier;
import org.bioimagecatalog.model.ImagingMethod;
import org.bioimagecatalog.model.License;
import org.bioimagecatalog.model.ModelJson;
import org.bioimagecatalog.model.Organism;
import org.bioimagecatalog.model.Publication;
import org.bioimagecatalog.testsupport.Fixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Reads the real IDR study files recorded in ../shared/fixtures/idr/study-files. */
class IdrStudyFileParserTest {
    private final IdrStudyFileParser parser = new IdrStudyFileParser();

    static Stream<Path> everyStudyFile() throws IOException {
        Path dir = Fixtures.require("idr/study-files");
        try (Stream<Path> files = Files.list(dir)) {
            List<Path> sorted = files.filter(p -> p.getFileName().toString().endsWith("-study.txt")).sorted().toList();
            assertThat(sorted).hasSizeGreaterThanOrEqualTo(100);
            return sorted.stream();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("everyStudyFile")
    void everyRecordedStudyFileParsesToACleanRecord(Path file) throws Exception {
        String name = file.getFileName().toString();
        IdrStudy study = parser.parse(Files.readAllBytes(file), name);

        String accession = name.substring(0, 7);
        assertThat(study.accession()).isEqualTo(accession);
        DatasetMetadata m = study.metadata();
        assertThat(m.title()).isNotBlank();
        assertThat(m.identifiers()).contains(Identifier.of("idr", accession));
        assertThat(m.landingPage()).isEqualTo("https://idr.openmicroscopy.org/search/?query=Name:" + accession);
        assertThat(m.organisms()).isNotEmpty();
        assertThat(textValues(ModelJson.mapper().valueToTree(m)))
                .allSatisfy(v -> assertThat(v).doesNotContain("\uFFFD").doesNotContainPattern("\\p{Cc}"));
    }

    @Test
    void idr0001MapsEveryStudyLevelField() throws Exception {
        DatasetMetadata m = parse("idr0001").metadata();

        assertThat(m.title()).isEqualTo("A genomic Multiprocess survey of machineries that control and link cell shape,"
                + " microtubule organization, and cell-cycle progression.");
        assertThat(m.organisms()).containsExactly(new Organism("Schizosaccharomyces pombe", "4896"));
        assertThat(m.publications()).containsExactly(new Publication("10.1016/j.devcel.2014.09.005", "25373780",
                "PMC4648281", "A genomic Multiprocess survey of machineries that control and link cell shape, microtubule"
                + " organization, and cell-cycle progression.", null, "Graml V, Studera X, Lawson JLD, Chessel A,"
                + " Geymonat M, Bortfeld-Miller M, Walter T, Wagstaff L, Piddini E, Carazo Salas RE",
                Publication.Relation.PRIMARY));
        assertThat(m.license()).isEqualTo(new License("CC-BY-4.0", "https://creativecommons.org/licenses/by/4.0/", "CC BY 4.0"));
        assertThat(m.imagingMethods()).containsExactly(new ImagingMethod("spinning disk confocal microscopy", "FBbi:00000253"));
        assertThat(m.released()).isEqualTo(LocalDate.of(2016, 4, 27));
        assertThat(m.studyTypes()).containsExactly("high content screen");
        assertThat(m.sampleTypes()).containsExactly("cell");
        assertThat(m.formatLabels()).containsExactly("Evotec/PerkinElmer Opera Flex");
        assertThat(m.creators()).containsExactly(new Creator("Rafael Carazo Salas", null,
                "School of Cellular and Molecular Medicine, University of Bristol, United Kingdom",
                "rafael.carazosalas@bristol.ac.uk", List.of("submitter")));
        assertThat(m.size().images()).isEqualTo(109_728L);
        assertThat(m.size().bytes()).isEqualTo(10_060_000_000_000L);
        assertThat(m.size().description()).contains("Plates: 192").contains("Total Tb: 10.06");
    }

    @Test
    void severalStudyOrganismsKeepTheirOwnTaxonIds() throws Exception {
        assertThat(parse("idr0083").metadata().organisms()).containsExactly(
                new Organism("Homo sapiens", "9606"),
                new Organism("Severe acute respiratory syndrome coronavirus 2", "2697049"));
    }

    @Test
    void organismsComeFromScreenBlocksWhenTheStudyLineIsEmpty() throws Exception {
        DatasetMetadata m = parse("idr0008").metadata();

        assertThat(m.organisms()).containsExactly(
                new Organism("Drosophila melanogaster", "7227"), new Organism("Homo sapiens", "9606"));
        assertThat(m.size().images()).isEqualTo(44_538L + 11_406L);
    }

    @Test
    void gbifIdsAreNotMistakenForNcbiTaxonIds() throws Exception {
        List<Organism> organisms = parse("idr0137").metadata().organisms();

        assertThat(organisms).contains(new Organism("Riccia glauca", "129944"), new Organism("Lunularia cruciata", "56931"));
        assertThat(organisms).contains(new Organism("Riccia warnstorfii", null)); // its accession column says GBIF
    }

    @Test
    void experimentStudyWithBioImageArchiveAccessionAndOrcid() throws Exception {
        DatasetMetadata m = parse("idr0085").metadata();

        assertThat(m.identifiers()).containsExactly(Identifier.of("idr", "idr0085"),
                Identifier.of("doi", "10.17867/10000143"), Identifier.of("bia", "S-BIAD500"));
        assertThat(m.organisms()).containsExactly(new Organism("Mus musculus", "10090"));
        assertThat(m.sampleTypes()).containsExactly("tissue");
        assertThat(m.keywords()).containsExactly("serial-sectioning", "block-facing", "deconvolution", "3D");
        assertThat(m.creators()).extracting(Creator::name, Creator::orcid)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("Claire Walsh", "0000-0003-3769-3392"));
        assertThat(m.size().bytes()).isEqualTo(352_700_000_000L);
        assertThat(m.released()).isEqualTo(LocalDate.of(2020, 8, 12));
    }

    @Test
    void experimentImagingMethodsPairWithTheirOwnFbbiColumns() throws Exception {
        // "light sheet fluorescence microscopy<TAB>SPIM" with one accession: SPIM is found by its label
        assertThat(parse("idr0045").metadata().imagingMethods()).contains(
                new ImagingMethod("light sheet fluorescence microscopy", "FBbi:00000369"));
        assertThat(parse("idr0134").metadata().imagingMethods()).containsExactly(
                new ImagingMethod("bright-field microscopy", "FBbi:00000243"),
                new ImagingMethod("multi-focus image fusion", null),
                new ImagingMethod("image stitching", null),
                new ImagingMethod("differential interference contrast microscopy", "FBbi:00000245"),
                new ImagingMethod("macroscopy", "FBbi:00000240"));
    }

    @Test
    void orcidsAreNormalisedAndPlaceholdersDropped() throws Exception {
        assertThat(parse("idr0051").metadata().creators()).extracting(Creator::orcid)
                .containsExactly("0000-0001-7838-839X"); // written as https://orcid.org/0000-0001-7838-839X
        assertThat(parse("idr0048").metadata().creators()).extracting(Creator::name, Creator::orcid).containsExactly(
                org.assertj.core.groups.Tuple.tuple("Lamiae Abdeladim", null), // written "NA"
                org.assertj.core.groups.Tuple.tuple("Jean Livet", "0000-0003-3079-4908"),
                org.assertj.core.groups.Tuple.tuple("Emmanuel Beaurepaire", "0000-0002-2082-8214"));
    }

    @Test
    void parallelPublicationColumnsGiveOnePublicationEach() throws Exception {
        List<Publication> idr0004 = parse("idr0004").metadata().publications();
        assertThat(idr0004).extracting(Publication::pmid, Publication::pmcid, Publication::doi).containsExactly(
                org.assertj.core.groups.Tuple.tuple("21893595", "PMC3171117", "10.1083/jcb.201108095"),
                org.assertj.core.groups.Tuple.tuple("18085829", "PMC2134942", "10.1371/journal.pgen.0030228"));

        List<Publication> idr0035 = parse("idr0035").metadata().publications();
        assertThat(idr0035).hasSize(6).allSatisfy(p -> assertThat(p.relation()).isEqualTo(Publication.Relation.PRIMARY));
        assertThat(idr0035.get(0).pmcid()).isNull(); // the PMC ID column starts with an empty cell
        assertThat(idr0035.get(1).pmcid()).isEqualTo("PMC3884769");
        assertThat(idr0035.get(1).pmid()).isEqualTo("24045582");
    }

    @Test
    void macRomanFilesDecodeToTheirIntendedCharacters() throws Exception {
        IdrStudy idr0113 = parse("idr0113");
        assertThat(idr0113.sourceEncoding()).isEqualTo(Encoding.MAC_ROMAN);
        assertThat(idr0113.metadata().creators().get(0).affiliation()).endsWith("CH-8057 Zürich");

        IdrStudy idr0139 = parse("idr0139");
        assertThat(idr0139.sourceEncoding()).isEqualTo(Encoding.MAC_ROMAN);
        assertThat(idr0139.metadata().creators().get(0).affiliation()).contains("King’s College London, Guy’s Campus");

        assertThat(parse("idr0072").sourceEncoding()).isEqualTo(Encoding.MAC_ROMAN);
        assertThat(parse("idr0150").sourceEncoding()).isEqualTo(Encoding.MAC_ROMAN);
    }

    @Test
    void latin1FilesDecodeToTheirIntendedCharacters() throws Exception {
        IdrStudy idr0108 = parse("idr0108");
        assertThat(idr0108.sourceEncoding()).isEqualTo(Encoding.WINDOWS_1252);
        assertThat(idr0108.metadata().publications().get(0).authors()).contains("Hériché JK");

        assertThat(parse("idr0111").sourceEncoding()).isEqualTo(Encoding.WINDOWS_1252);
        assertThat(parse("idr0127").sourceEncoding()).isEqualTo(Encoding.WINDOWS_1252);
        assertThat(parse("idr0144").sourceEncoding()).isEqualTo(Encoding.WINDOWS_1252);
    }

    @Test
    void carriageReturnOnlyFileWithLeadingBlankLinesParses() throws Exception {
        DatasetMetadata idr0123 = parse("idr0123").metadata();
        assertThat(idr0123.title()).isEqualTo("Simultaneous visualization of DNA loci in single cells by combinatorial multi-color iFISH");
        assertThat(idr0123.keywords()).containsExactly("fluorescence in situ hybridization", "genome organization", "DNA");
        assertThat(idr0123.organisms()).containsExactly(new Organism("Homo sapiens", "9606"));

        DatasetMetadata idr0095 = parse("idr0095").metadata(); // starts with a blank line, "Study Key Word"
        assertThat(idr0095.keywords()).startsWith("Quantitative gene regulation", "Synthetic Biology");
        assertThat(idr0095.organisms()).containsExactly(new Organism("Escherichia coli", "562"));
    }

    @Test
    void controlCharacterInsideAWordIsRemoved() throws Exception {
        assertThat(parse("idr0156").metadata().description())
                .contains("a physical basis for the folding of individual chromosomes");
    }

    @Test
    void sixHundredKilobyteFileWithHugeLinesParses() throws Exception {
        DatasetMetadata m = parse("idr0120").metadata();
        assertThat(m.title()).isEqualTo("Morphological profiling of human T and NK lymphocytes by high-content cell imaging");
        assertThat(m.organisms()).containsExactly(new Organism("Homo sapiens", "9606"));
    }

    @Test
    void binaryGarbageIsRejectedWithAReasonNamingTheFile() {
        byte[] garbage = new byte[200];
        new Random(42).nextBytes(garbage);

        assertThatThrownBy(() -> parser.parse(garbage, "idr9999-study.txt"))
                .isInstanceOf(InvalidStudyFileException.class)
                .hasMessageStartingWith("idr9999-study.txt: binary content");
    }

    @Test
    void fileWithOnlyAHeaderLineIsNotAStudyFile() {
        byte[] header = "# FILL IN AS MUCH INFORMATION AS YOU CAN.\r\n# Study\t\t\t\r\n".getBytes(StandardCharsets.UTF_8);

        assertThatThrownBy(() -> parser.parse(header, "idr0001-study.txt"))
                .isInstanceOf(InvalidStudyFileException.class)
                .hasMessage("idr0001-study.txt: not an IDR study file: it has neither a 'Study Title'"
                        + " nor a 'Comment[IDR Study Accession]' line");
    }

    @Test
    void emptyFileAndTitlelessFileAreRejected() {
        assertThatThrownBy(() -> parser.parse(new byte[0], "idr0002-study.txt"))
                .hasMessage("idr0002-study.txt: the file is empty");
        byte[] noTitle = "Comment[IDR Study Accession]\tidr0002\nStudy Title\t\t\t\n".getBytes(StandardCharsets.UTF_8);
        assertThatThrownBy(() -> parser.parse(noTitle, "idr0002-study.txt"))
                .hasMessage("idr0002-study.txt: the study file has no 'Study Title'");
    }

    @Test
    void accessionFallsBackToTheFileName() throws Exception {
        byte[] minimal = "Study Title\tA study\nStudy Organism\tHomo sapiens\n".getBytes(StandardCharsets.UTF_8);

        IdrStudy study = parser.parse(minimal, "IDR0042-study.txt");

        assertThat(study.accession()).isEqualTo("idr0042");
        assertThat(study.metadata().organisms()).containsExactly(new Organism("Homo sapiens", "9606"));
    }

    @Test
    void quotedAndGluedCellsAreCleaned() throws Exception {
        String text = "Study Title\t\"A \"\"quoted\"\" title\"\t\t\n"
                + "Study Person Last Name\tDoe\n"
                + "Study Person First Name\tJane\n"
                + "Study Person Address\tDundee, UK\"\t\"Elsewhere\n"
                + "Experiment Size 5D Images: 12\tTotal Tb: 9GB\n";

        DatasetMetadata m = parser.parse(text.getBytes(StandardCharsets.UTF_8), "idr0007-study.txt").metadata();

        assertThat(m.title()).isEqualTo("A \"quoted\" title");
        assertThat(m.creators().get(0).affiliation()).isEqualTo("Dundee, UK");
        assertThat(m.size().images()).isEqualTo(12L);
        assertThat(m.size().bytes()).isEqualTo(9_000_000_000L); // the unit after the value wins over "Tb"
    }

    private IdrStudy parse(String accession) throws Exception {
        Path file = Fixtures.require("idr/study-files/" + accession + "-study.txt");
        return parser.parse(Files.readAllBytes(file), file.getFileName().toString());
    }

    private static List<String> textValues(JsonNode node) {
        List<String> values = new ArrayList<>();
        if (node.isTextual()) {
            values.add(node.textValue());
        }
        node.forEach(child -> values.addAll(textValues(child)));
        return values;
    }
}
