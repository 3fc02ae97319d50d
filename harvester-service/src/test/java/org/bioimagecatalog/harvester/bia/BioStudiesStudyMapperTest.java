package org.bioimagecatalog.harvester.bia;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.groups.Tuple.tuple;

import java.io.IOException;
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
import org.bioimagecatalog.model.ImagingMethod;
import org.bioimagecatalog.model.License;
import org.bioimagecatalog.model.Organism;
import org.bioimagecatalog.model.Publication;
import org.bioimagecatalog.testsupport.Fixtures;
import org.junit.jupiter.api.Test;

/** Every recorded BioStudies study, and concrete values of studies checked by hand against the raw JSON. */
class BioStudiesStudyMapperTest {
    private final BioStudiesStudyMapper mapper = new BioStudiesStudyMapper();

    @Test
    void everyRecordedStudyMapsWithItsAccessionTitleAndLandingPage() throws IOException {
        Path dir = Fixtures.require("bia/biostudies-studies");
        List<BiaStudy> mapped = new ArrayList<>();
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
        assertThat(mapped).hasSize(27);
        assertThat(mapped).allSatisfy(s -> {
            assertThat(s.archive()).isEqualTo("bia");
            assertThat(s.accession()).matches("S-B(IAD|SST|SMS)\\d+");
            assertThat(s.metadata().title()).isNotBlank();
            assertThat(s.metadata().identifiers()).contains(Identifier.of("bia", s.accession()));
            assertThat(s.metadata().landingPage()).isEqualTo("https://www.ebi.ac.uk/biostudies/bioimages/studies/" + s.accession());
            assertThat(s.metadata().released()).isNotNull();
            assertThat(s.metadata().creators()).isNotEmpty().allSatisfy(c -> assertThat(c.name() != null || c.email() != null).isTrue());
        });
        assertThat(mapped).filteredOn(s -> s.metadata().license() != null).hasSize(22);
        assertThat(mapped).filteredOn(s -> !s.metadata().publications().isEmpty()).hasSizeGreaterThanOrEqualTo(15);
    }

    @Test
    void sBiad15MirrorsIdr0067AndResolvesItsAuthorsAffiliation() throws Exception {
        BiaStudy study = map("S-BIAD15");
        DatasetMetadata m = study.metadata();

        assertThat(study.accession()).isEqualTo("S-BIAD15");
        assertThat(m.identifiers()).containsExactly(Identifier.of("bia", "S-BIAD15"), Identifier.of("idr", "idr0067"));
        assertThat(m.title()).isEqualTo("Meiotic cellular rejuvenation is coupled to nuclear remodeling in budding yeast");
        assertThat(m.description()).startsWith("Production of healthy gametes in meiosis");
        assertThat(m.released()).isEqualTo(LocalDate.of(2020, 2, 14));
        assertThat(m.studyTypes()).containsExactly("time-lapse imaging");
        assertThat(m.organisms()).containsExactly(new Organism("Saccharomyces cerevisiae", "4932"));
        assertThat(m.license()).isEqualTo(new License("CC-BY-4.0", null, "CC-BY 4.0"));
        assertThat(m.keywords()).containsExactly("meiosis", "nuclear pore complex", "nucleoporin",
                "nuclear senescence factor", "time-lapse fluorescence microscopy");
        assertThat(m.creators()).containsExactly(new Creator("Elçin Ünal", "0000-0002-6768-609X",
                "622 Barker Hall, UC-Berkeley, Berkeley, CA, 94720", "elcin@berkeley.edu", List.of("submitter")));
        assertThat(m.publications()).containsExactly(new Publication("10.7554/elife.47156", null, "PMC6711709",
                "Meiotic cellular rejuvenation is coupled to nuclear remodeling in budding yeast", null,
                "King GA, Goodman JS, Schick JG, Chetlapalli K, Jorgens DM, McDonald KL, Ünal E", Publication.Relation.PRIMARY));
        assertThat(m.imagingMethods()).containsExactly(
                new ImagingMethod("fluorescence microscopy", "FBbi:00000246"),
                new ImagingMethod("transmission electron microscopy", "FBbi:00000258"),
                new ImagingMethod("bright-field microscopy", "FBbi:00000243"));
        assertThat(m.sampleTypes()).containsExactly("cell");
    }

    @Test
    void sBiad1492IsTheArchivesCopyOfBbbc024() throws Exception {
        DatasetMetadata m = map("S-BIAD1492").metadata();

        assertThat(m.title()).isEqualTo("Synthetic images and segmentation masks simulating HL-60 cell nucleus in 3D");
        assertThat(m.released()).isEqualTo(LocalDate.of(2024, 11, 26));
        assertThat(m.license().spdx()).isEqualTo("CC-BY-3.0");
        // the BBBC page and the IDR project page (?project=BBBC024) both name BBBC024
        assertThat(m.relatedDatasets()).containsExactly(Identifier.of("bbbc", "BBBC024"), Identifier.of("empiar", "EMPIAR-11380"));
        assertThat(m.creators()).extracting(Creator::name, Creator::affiliation, Creator::roles).containsExactly(
                tuple("David Svoboda", "Centre for Biomedical Image Analysis", List.of("dataset creator")),
                tuple("Michal Kozubek", "Centre for Biomedical Image Analysis", List.of("dataset creator")),
                tuple("Stanislav Stejskal", "Centre for Biomedical Image Analysis", List.of("dataset creator")),
                tuple("Broad Institute's Imaging Platform",
                        "Broad Institute of Massachusetts Institute of Technology and Harvard, Cambridge, Massachusetts, USA",
                        List.of("data curation")),
                tuple("Teresa Zulueta-Coarasa", "European Bioinformatics Institute", List.of("data curation", "submitter")));
        assertThat(m.creators().get(4).orcid()).isEqualTo("0000-0002-0456-6912");
        // the top-level DOI is the preprint's, not the dataset's (that would be 10.6019/S-BIAD1492)
        assertThat(m.identifiers()).doesNotContain(Identifier.of("doi", "10.1101/2023.12.07.570699"));
        assertThat(m.publications()).extracting(Publication::doi, Publication::year, Publication::relation).containsExactly(
                tuple("10.1002/cyto.a.20714", 2009, Publication.Relation.PRIMARY),
                tuple("10.1101/2023.12.07.570699", null, Publication.Relation.RELATED));
        assertThat(m.organisms()).containsExactly(new Organism("simulated data", null));
        assertThat(m.imagingMethods()).containsExactly(new ImagingMethod("simulated fluorescence microscopy", null));
        assertThat(m.sampleTypes()).singleElement().asString().startsWith("simulated human promyelocytic leukemia cells (HL-60)");
    }

    @Test
    void sBiad1043HasFundingLowerCaseSectionsAndAGarbledPublication() throws Exception {
        DatasetMetadata m = map("S-BIAD1043").metadata();

        assertThat(m.funding()).contains("National Institute of Health (1-ZIA-BC010309-24)",
                "National Institute of Health (1-ZIA-BC011383-12)", "National Institute of Health (1-ZIC-BC011567-09)");
        assertThat(m.creators()).hasSize(9).first().isEqualTo(new Creator("Adib Keikhosravi", null,
                "National Cancer Institute", "adib.keikhosravi@nih.gov", List.of()));
        assertThat(m.organisms()).containsExactly(new Organism("Homo sapiens (human)", "9606"));
        assertThat(m.imagingMethods()).containsExactly(new ImagingMethod("spinning disk confocal microscopy", "FBbi:00000253"));
        assertThat(m.license()).isEqualTo(new License("CC-BY-4.0", "https://creativecommons.org/licenses/by/4.0/legalcode", "CC BY 4.0"));
        // "Pubmed ID" holds a title and "DOI" a publisher URL: neither is an identifier, the title is kept
        assertThat(m.publications()).extracting(Publication::doi, Publication::pmid, Publication::title, Publication::year)
                .containsExactly(tuple(null, null,
                        "HiTIPS: High-Throughput Image Processing Software for the Study of Nuclear Architecture and Gene Expression", 2024));
    }

    @Test
    void theArchivesOwnDoiIsAnIdentifierAndFilesInTheStudyGiveSizeAndFormat() throws Exception {
        assertThat(map("S-BIAD1135").metadata().identifiers()).contains(Identifier.of("doi", "10.6019/s-biad1135"));

        DatasetMetadata s651 = map("S-BSST651").metadata();
        assertThat(s651.title()).isEqualTo("A pipeline for making 31P NMR accessible for small- and large-scale lipidomics studies");
        assertThat(s651.released()).isEqualTo(LocalDate.of(2022, 5, 22));
        assertThat(s651.size()).isEqualTo(new DatasetSize(479720254L, null, 1L, null));
        assertThat(s651.formatLabels()).containsExactly("Bruker format");
    }

    @Test
    void anAuthorGivenOnlyByEmailIsKeptWithTheOnlyOrganisation() throws Exception {
        assertThat(map("S-BIAD1261").metadata().creators()).containsExactly(
                new Creator(null, null, "Ruhr University Bochum", "cytologie@rub.de", List.of()));
    }

    @Test
    void sBiad590NamesItsIdrStudyTwice() throws Exception {
        DatasetMetadata m = map("S-BIAD590").metadata();
        assertThat(m.identifiers()).containsExactly(Identifier.of("bia", "S-BIAD590"), Identifier.of("idr", "idr0042"));
        assertThat(m.keywords()).contains("heart failure", "histopathology");
        assertThat(m.funding()).singleElement().asString().startsWith("Research reported in this publication was supported");
    }

    @Test
    void documentsThatAreNotStudiesAreRefusedWithAReason() {
        assertRefused("{\"accno\": \"S-BIAD1\", ", "not valid JSON");
        assertRefused("[]", "not a BioStudies study: the document is not a JSON object");
        assertRefused("{\"files\": []}", "not a BioStudies study: it has no 'accno'");
        assertRefused("{\"accno\": \"S-BIAD1\"}", "not a BioStudies study: S-BIAD1 has no 'section'");
        assertRefused("{\"accno\": \"S-BIAD1\", \"section\": {\"type\": \"Study\", \"attributes\": []}}",
                "S-BIAD1 has no Title (neither at top level nor in its Study section)");
    }

    private void assertRefused(String json, String reason) {
        assertThatThrownBy(() -> mapper.map(json.getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(InvalidRecordException.class).hasMessageStartingWith(reason);
    }

    private BiaStudy map(String accession) throws IOException, InvalidRecordException {
        return mapper.map(Files.readAllBytes(Fixtures.require("bia/biostudies-studies/" + accession + ".json")));
    }
}
