package org.bioimagecatalog.harvester.empiar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.groups.Tuple.tuple;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.bioimagecatalog.harvester.files.InvalidRecordException;
import org.bioimagecatalog.model.Creator;
import org.bioimagecatalog.model.DatasetMetadata;
import org.bioimagecatalog.model.DatasetSize;
import org.bioimagecatalog.model.Identifier;
import org.bioimagecatalog.model.Publication;
import org.bioimagecatalog.testsupport.Fixtures;
import org.junit.jupiter.api.Test;

/**
 * The four recorded entries in the exact API shape (nested {@code authors[].author}), a self-written entry in the
 * flat shape with citations and cross-references, and the entries that must be refused.
 */
class EmpiarEntryMapperTest {
    private final EmpiarEntryMapper mapper = new EmpiarEntryMapper();

    @Test
    void everyRecordedEntryMaps() throws IOException {
        Path dir = Fixtures.require("empiar/api-entry-json-test-variants");
        List<EmpiarEntry> mapped = new ArrayList<>();
        List<String> rejected = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path file : files.sorted().toList()) {
                try {
                    mapped.add(mapper.map(Files.readAllBytes(file)));
                } catch (InvalidRecordException e) {
                    rejected.add(file.getFileName() + ": " + e.getMessage());
                }
            }
        }
        assertThat(rejected).isEmpty();
        assertThat(mapped).extracting(EmpiarEntry::accession).containsExactly("EMPIAR-IMAGELABELTEST",
                "EMPIAR-IMAGEPATTERNTEST", "EMPIAR-SPECIMENTEST", "EMPIAR-STARFILETEST");
        assertThat(mapped).allSatisfy(e -> {
            assertThat(e.metadata().title()).isNotBlank();
            assertThat(e.metadata().creators()).extracting(Creator::name).isSubsetOf("Test", "Test Author");
            assertThat(e.metadata().size().bytes()).isPositive();
        });
    }

    @Test
    void nestedAuthorShapeAndImagesetsOfTheRecordedImageLabelEntry() throws Exception {
        EmpiarEntry entry = mapper.map(Files.readAllBytes(
                Fixtures.require("empiar/api-entry-json-test-variants/EMPIAR-IMAGELABELTEST.json")));
        DatasetMetadata m = entry.metadata();

        assertThat(m.title()).isEqualTo("Defocus and Volta potential phase plate cryo-electron tomography of S. pombe"
                + " cryo-FIB lamellae with comprehensive annotations of structures and macromolecules");
        assertThat(m.identifiers()).containsExactly(Identifier.of("empiar", "EMPIAR-IMAGELABELTEST"),
                Identifier.of("doi", "10.6019/empiar-10988"));
        assertThat(m.released()).isEqualTo(LocalDate.of(2022, 11, 17));
        assertThat(m.modified()).isEqualTo(LocalDate.of(2023, 1, 20));
        assertThat(m.studyTypes()).containsExactly("EMDB");
        assertThat(m.sampleTypes()).containsExactly("cell");
        assertThat(m.creators()).containsExactly(new Creator("Test", null, null, null, List.of("corresponding author")));
        assertThat(m.formatLabels()).containsExactly("TIFF", "MRC");
        assertThat(m.size()).isEqualTo(new DatasetSize(305_500_000_000L, 530L, null, "305.5 GB"));
        assertThat(m.landingPage()).isEqualTo("https://www.ebi.ac.uk/empiar/EMPIAR-IMAGELABELTEST/");
    }

    @Test
    void theOtherRecordedEntriesKeepTheirRealTitlesDatesAndSizes() throws Exception {
        DatasetMetadata pattern = map("EMPIAR-IMAGEPATTERNTEST");
        assertThat(pattern.title()).isEqualTo("Cryo serial FIB/SEM of HeLa cells");
        assertThat(pattern.released()).isEqualTo(LocalDate.of(2023, 2, 28));
        assertThat(pattern.size().bytes()).isEqualTo(6_700_000_000L);
        assertThat(pattern.identifiers()).contains(Identifier.of("doi", "10.6019/empiar-11419"));
        assertThat(pattern.funding()).containsExactly("Wellcome Trust, 220526/Z/20/Z, United Kingdom");
        assertThat(pattern.studyTypes()).containsExactly("FIB-SEM");
        assertThat(pattern.sampleTypes()).containsExactly("virus");
        assertThat(pattern.size().images()).isEqualTo(46L);

        DatasetMetadata star = map("EMPIAR-STARFILETEST");
        assertThat(star.title()).isEqualTo("Cryo-electron tomography of GEM2-labelled Mito-EGFP in HeLa cells");
        assertThat(star.size().bytes()).isEqualTo(174_200_000_000L);
        assertThat(star.identifiers()).contains(Identifier.of("doi", "10.6019/empiar-11561"));
        assertThat(star.creators()).containsExactly(new Creator("Test Author", "9999-0001-2222-3333", null, null, List.of()),
                new Creator("Test", null, null, null, List.of("corresponding author")));
    }

    @Test
    void flatAuthorsCitationsCrossReferencesAndGrantsOfASelfWrittenEntry() throws Exception {
        EmpiarEntry entry;
        try (InputStream in = getClass().getResourceAsStream("/empiar/EMPIAR-10934.json")) {
            entry = mapper.map(in.readAllBytes());
        }
        DatasetMetadata m = entry.metadata();

        assertThat(entry.accession()).isEqualTo("EMPIAR-10934");
        assertThat(m.accessUrls()).containsExactly("https://ftp.ebi.ac.uk/empiar/world_availability/10934/");
        assertThat(m.creators()).extracting(Creator::name, Creator::orcid, Creator::affiliation, Creator::roles).containsExactly(
                tuple("Lancey C", "0000-0001-9064-4085", "Department of Molecular & Cell Biology, University of Leicester",
                        List.of("corresponding author")),
                tuple("Tehseen M", "0000-0001-9834-2372", null, List.of()),
                tuple("Sobhy MA", null, null, List.of()),
                tuple("Hamdan SM", "0000-0001-5192-1852", "King Abdullah University of Science and Technology",
                        List.of("principal investigator")),
                tuple("De Biasio A", "0000-0003-2139-2958", "King Abdullah University of Science and Technology",
                        List.of("principal investigator")));
        assertThat(m.publications()).containsExactly(new Publication("10.1038/s41467-021-26251-6", "34667155", null,
                "Cryo-EM structure of human Pol κ bound to DNA and mono-ubiquitylated PCNA", 2021,
                "Lancey C, De Biasio A", Publication.Relation.PRIMARY));
        assertThat(m.relatedDatasets()).containsExactly(Identifier.of("emdb", "EMD-12602"),
                Identifier.of("bia", "S-BIAD999"), Identifier.of("idr", "idr0999"));
        assertThat(m.funding()).containsExactly("King Abdullah University of Science and Technology, BAS/1/1035-01-01, Saudi Arabia");
        assertThat(m.size()).isEqualTo(new DatasetSize(1_900_000_000_000L, 3889L, null, "1.9 TB"));
        assertThat(m.sampleTypes()).containsExactly("molecule");
    }

    @Test
    void theEntryHeaderXmlMapsLikeTheApiJson() throws Exception {
        EmpiarEntry entry = mapper.map(Files.readAllBytes(Fixtures.require("empiar/entry-xml/EMPIAR-10934.xml")));
        DatasetMetadata m = entry.metadata();

        assertThat(entry.accession()).isEqualTo("EMPIAR-10934");
        assertThat(m.title()).isEqualTo("Cryo-EM multiframe micrographs of human Pol kappa complexed with DNA and monoubiquitylated PCNA");
        assertThat(m.identifiers()).containsExactly(Identifier.of("empiar", "EMPIAR-10934"), Identifier.of("doi", "10.6019/empiar-10934"));
        assertThat(m.released()).isEqualTo(LocalDate.of(2022, 2, 7));
        assertThat(m.modified()).isEqualTo(LocalDate.of(2022, 2, 7));
        assertThat(m.studyTypes()).containsExactly("EMDB");
        assertThat(m.creators()).hasSize(13);
        assertThat(m.creators().get(0)).isEqualTo(new Creator("Lancey C", "0000-0001-9064-4085",
                "Department of Molecular & Cell Biology, University of Leicester", null, List.of("corresponding author")));
        assertThat(m.creators()).filteredOn(c -> c.roles().contains("principal investigator"))
                .extracting(Creator::name, Creator::orcid)
                .containsExactly(tuple("Hamdan SM", "0000-0001-5192-1852"), tuple("De Biasio A", "0000-0003-2139-2958"));
        assertThat(m.creators()).filteredOn(c -> c.name().equals("Sobhy MA")).singleElement()
                .extracting(Creator::orcid).isNull();
        assertThat(m.publications()).singleElement().satisfies(p -> {
            assertThat(p.doi()).isEqualTo("10.1038/s41467-021-26251-6");
            assertThat(p.pmid()).isEqualTo("34667155");
            assertThat(p.title()).isEqualTo("Cryo-EM structure of human Pol κ bound to DNA and mono-ubiquitylated PCNA");
            assertThat(p.year()).isEqualTo(2021);
            assertThat(p.authors()).startsWith("Lancey C, Tehseen M, Bakshi S").endsWith("Hamdan SM, De Biasio A");
        });
        assertThat(m.relatedDatasets()).containsExactly(Identifier.of("emdb", "EMD-12602"));
        assertThat(m.size()).isEqualTo(new DatasetSize(1_900_000_000_000L, 3889L, null, "1.9 TB"));
        assertThat(m.formatLabels()).containsExactly("TIFF");
    }

    @Test
    void entriesThatCannotBeUsedAreRefusedWithAReason() {
        assertRefused("<entry xmlns=\"http://pdbe.org/empiar\"><admin>", "not well-formed XML");
        assertRefused("<?xml version=\"1.0\"?><!DOCTYPE entry [<!ENTITY x SYSTEM \"file:///etc/passwd\">]><entry>&x;</entry>",
                "not well-formed XML");
        assertRefused("<resource/>", "not an EMPIAR entry: the XML root is <resource>, not <entry>");
        assertRefused("{\"EMPIAR-10002\": {\"title\": ", "not valid JSON");
        assertRefused("[]", "not an EMPIAR entry: expected a JSON object");
        assertRefused("{\"detail\": \"Not found.\", \"code\": 404}", "not an EMPIAR entry: expected a JSON object");
        assertRefused("{\"S-BIAD1\": {\"title\": \"x\"}}", "not an EMPIAR entry: 'S-BIAD1' is not an EMPIAR accession");
        assertRefused("{\"EMPIAR-10002\": {\"title\": \"\"}}", "EMPIAR-10002 has no title");
    }

    @Test
    void sizesAreReadInDecimalUnits() {
        assertThat(EmpiarEntryMapper.bytes("305.5 GB")).isEqualTo(305_500_000_000L);
        assertThat(EmpiarEntryMapper.bytes("12 MB")).isEqualTo(12_000_000L);
        assertThat(EmpiarEntryMapper.bytes("1.2 TiB")).isEqualTo(1_200_000_000_000L);
        assertThat(EmpiarEntryMapper.bytes("large")).isNull();
    }

    @Test
    void entryRangesFollowTheApisNotation() {
        assertThat(EntryRange.parse("10002, 10050-10053,EMPIAR-10002")).containsExactly("10002", "10050", "10051", "10052", "10053");
        assertThatThrownBy(() -> EntryRange.parse("10060-10050")).hasMessage("range '10060-10050' ends before it starts");
        assertThatThrownBy(() -> EntryRange.parse("abc")).hasMessageContaining("'abc' is neither an EMPIAR entry number");
    }

    private void assertRefused(String json, String reason) {
        assertThatThrownBy(() -> mapper.map(json.getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(InvalidRecordException.class).hasMessageStartingWith(reason);
    }

    private DatasetMetadata map(String name) throws IOException, InvalidRecordException {
        return mapper.map(Files.readAllBytes(Fixtures.require("empiar/api-entry-json-test-variants/" + name + ".json"))).metadata();
    }
}
