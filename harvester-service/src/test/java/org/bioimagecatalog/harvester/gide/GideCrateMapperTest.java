package org.bioimagecatalog.harvester.gide;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/**
 * Every GIDE RO-Crate in the recorded folders of IDR, the BioImage Archive, EMPIAR and SSBD, and concrete values
 * of records checked by hand against the raw JSON.
 */
class GideCrateMapperTest {
    private final GideCrateMapper mapper = new GideCrateMapper();

    @ParameterizedTest(name = "{0}: {1} crates, all of archive {2}")
    @CsvSource({
            "idr/gide-ro-crate, 104, idr",
            "bia/gide-ro-crate, 47, bia",
            "empiar/gide-ro-crate, 23, empiar",
            "ssbd/gide-ro-crate/database, 252, ssbd",
            "ssbd/gide-ro-crate/repository, 137, ssbd"})
    void everyRecordedCrateMapsWithATitleAndItsArchivesKey(String folder, int expected, String archive) throws IOException {
        Path dir = Fixtures.require(folder);
        Map<String, GideCrate> mapped = new LinkedHashMap<>();
        List<String> rejected = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path file : files.filter(p -> GideRoCrateConnector.isCrateFileName(p.getFileName().toString())).sorted().toList()) {
                try {
                    mapped.put(file.getFileName().toString(), mapper.map(Files.readAllBytes(file)));
                } catch (InvalidRecordException e) {
                    rejected.add(file.getFileName() + ": " + e.getMessage());
                }
            }
        }
        assertThat(rejected).isEmpty();
        assertThat(mapped).hasSize(expected);
        assertThat(mapped.values()).allSatisfy(crate -> {
            assertThat(crate.archive()).isEqualTo(archive);
            assertThat(crate.metadata().title()).isNotBlank();
            assertThat(crate.metadata().identifiers()).contains(Identifier.of(archive, crate.nativeId()));
            assertThat(crate.metadata().landingPage()).startsWith("https://");
            assertThat(crate.metadata().creators()).isNotEmpty();
            assertThat(crate.metadata().license()).isNotNull();
        });
        // the file name carries the native id, except BIA-made crates named after the accession
        assertThat(mapped).allSatisfy((file, crate) -> assertThat(file).startsWith(crate.nativeId() + "-ro-crate"));
        assertThat(mapped.values().stream().filter(c -> c.metadata().organisms().stream()
                .anyMatch(o -> o.ncbiTaxonId() != null))).hasSizeGreaterThan(expected * 9 / 10);
    }

    @Test
    void idr0001MapsEveryFieldTheCrateGives() throws Exception {
        GideCrate crate = map("idr/gide-ro-crate/idr0001-ro-crate-metadata.json");
        DatasetMetadata m = crate.metadata();

        assertThat(crate.archive()).isEqualTo("idr");
        assertThat(crate.nativeId()).isEqualTo("idr0001");
        assertThat(m.title()).startsWith("A genomic Multiprocess survey of machineries");
        assertThat(m.description()).startsWith("Understanding cells as integrated systems");
        assertThat(m.landingPage()).isEqualTo("https://idr.openmicroscopy.org/study/idr0001/");
        assertThat(m.released()).isEqualTo(LocalDate.of(2016, 4, 27));
        assertThat(m.license()).isEqualTo(new License("CC-BY-4.0", "https://creativecommons.org/licenses/by/4.0/", null));
        assertThat(m.creators()).containsExactly(new Creator("Rafael Carazo Salas", null,
                "School of Cellular and Molecular Medicine, University of Bristol, United Kingdom",
                "rafael.carazosalas@bristol.ac.uk", List.of()));
        assertThat(m.publications()).containsExactly(new Publication("10.1016/j.devcel.2014.09.005", null, null,
                "A genomic Multiprocess survey of machineries that control and link cell shape, microtubule organization,"
                        + " and cell-cycle progression.", null, null, Publication.Relation.PRIMARY));
        assertThat(m.organisms()).containsExactly(new Organism("Schizosaccharomyces pombe", "4896"));
        assertThat(m.imagingMethods()).containsExactly(new ImagingMethod("spinning disk confocal microscopy", "FBbi:00000253"));
        assertThat(m.sampleTypes()).containsExactly("cell");
        assertThat(m.size()).isEqualTo(new DatasetSize(11061086975426L, null, 109728L, "10.06 TB; 109728 5D images"));
    }

    @Test
    void idr0083KeepsBothOrganismsAndTheOrcidFromThePersonId() throws Exception {
        DatasetMetadata m = map("idr/gide-ro-crate/idr0083-ro-crate-metadata.json").metadata();

        assertThat(m.title()).isEqualTo("SARS-CoV-2 productively Infects Human Gut Enterocytes");
        assertThat(m.organisms()).containsExactly(new Organism("Homo sapiens", "9606"),
                new Organism("Severe acute respiratory syndrome coronavirus 2", "2697049"));
        assertThat(m.creators()).anySatisfy(c -> {
            assertThat(c.name()).isEqualTo("Paul van Schayck");
            assertThat(c.orcid()).isEqualTo("0000-0001-6591-4637");
            assertThat(c.email()).isEqualTo("p.vanschayck@maastrichtuniversity.nl");
            assertThat(c.affiliation()).startsWith("The Maastricht Multimodal Molecular Imaging Institute");
        });
        assertThat(m.publications()).extracting(Publication::doi).containsExactly("10.1126/science.abc1669");
        assertThat(m.imagingMethods()).contains(new ImagingMethod("unsupervised transmission electron microscopy", "FBbi:00000622"));
        assertThat(m.size().bytes()).isEqualTo(76965813944L);
        assertThat(m.size().files()).isEqualTo(2L);
    }

    @Test
    void biaCrateWithTypeListsCompactIrisAndQuantitiveValue() throws Exception {
        GideCrate crate = map("bia/gide-ro-crate/S-BIAD1008-ro-crate-metadata.json");
        DatasetMetadata m = crate.metadata();

        assertThat(crate.archive()).isEqualTo("bia");
        assertThat(crate.nativeId()).isEqualTo("S-BIAD1008");
        assertThat(m.title()).isEqualTo("Diffusible fraction of niche BMP ligand safeguards stem-cell differentiation");
        assertThat(m.landingPage()).isEqualTo("https://www.ebi.ac.uk/biostudies/bioimages/studies/S-BIAD1008");
        assertThat(m.released()).isEqualTo(LocalDate.of(2024, 1, 29));
        assertThat(m.license().spdx()).isEqualTo("CC0-1.0");
        assertThat(m.keywords()).containsExactly("Dpp");
        assertThat(m.creators()).extracting(Creator::name)
                .containsExactly("Sharif M. Ridwan", "Autumn Twillie", "Muhammed Burak Bener", "Mayu Inaba");
        assertThat(m.creators().get(0)).isEqualTo(new Creator("Sharif M. Ridwan", null,
                "University of Connecticut Health Center", "ridwan@uchc.edu", List.of()));
        assertThat(m.organisms()).containsExactly(new Organism("Drosophila melanogaster", "7227"));
        assertThat(m.imagingMethods()).containsExactly(new ImagingMethod("confocal microscopy", "FBbi:00000251"));
        assertThat(m.sampleTypes()).containsExactly("Dpp Diffusion");
        assertThat(m.size()).isEqualTo(new DatasetSize(193811922826L, null, 949L, null));
        assertThat(m.publications()).isEmpty();
    }

    @Test
    void biaCitationBecomesThePrimaryPublicationAndANoneDateIsNoYear() throws Exception {
        DatasetMetadata s1201 = map("bia/gide-ro-crate/S-BIAD1201-ro-crate-metadata.json").metadata();
        assertThat(s1201.publications()).containsExactly(new Publication("10.3389/fcell.2024.1430728", null, null,
                "Differential Talin Cleavage in Transformed and Non-Transformed Cells and Its Consequences", null, null,
                Publication.Relation.PRIMARY));

        DatasetMetadata s1879 = map("bia/gide-ro-crate/S-BIAD1879-ro-crate-metadata.json").metadata();
        assertThat(s1879.publications()).extracting(Publication::doi).containsExactly("10.17504/protocols.io.rm7vz7qx8lx1/v1");

        DatasetMetadata s1043 = map("bia/gide-ro-crate/S-BIAD1043-ro-crate-metadata.json").metadata();
        assertThat(s1043.publications()).extracting(Publication::doi, Publication::year)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("10.1038/s41598-024-66600-1", 2024));
    }

    @Test
    void biaOmeNgffCopyOfAnIdrStudyNamesTheStudyAsAnIdentifier() throws Exception {
        // "OME-NGFF converted study from idr0035. …": the same images as the IDR study, which the catalog merges on
        DatasetMetadata s847 = map("bia/gide-ro-crate/S-BIAD847-ro-crate-metadata.json").metadata();
        assertThat(s847.identifiers()).containsExactly(Identifier.of(Identifier.BIA, "S-BIAD847"),
                Identifier.of(Identifier.IDR, "idr0035"));
        assertThat(map("bia/gide-ro-crate/S-BIAD1008-ro-crate-metadata.json").metadata().identifiers())
                .containsExactly(Identifier.of(Identifier.BIA, "S-BIAD1008"));
    }

    @Test
    void empiarCratesGiveOrcidsFromPersonIdsAndTheFbbiFibSemTerm() throws Exception {
        GideCrate crate = map("empiar/gide-ro-crate/EMPIAR-10310-ro-crate-metadata.json");
        DatasetMetadata m = crate.metadata();

        assertThat(crate.archive()).isEqualTo("empiar");
        assertThat(crate.nativeId()).isEqualTo("EMPIAR-10310");
        assertThat(m.title()).isEqualTo("FIB-SEM of parapodia from Platynereis dumerilii");
        assertThat(m.description()).isNull();
        assertThat(m.released()).isEqualTo(LocalDate.of(2020, 2, 7));
        assertThat(m.creators()).extracting(Creator::name, Creator::orcid).containsExactly(
                org.assertj.core.groups.Tuple.tuple("Hennies J", "0000-0002-0555-151X"),
                org.assertj.core.groups.Tuple.tuple("Lleti JMS", null),
                org.assertj.core.groups.Tuple.tuple("Schieber NL", "0000-0002-3212-5057"),
                org.assertj.core.groups.Tuple.tuple("Templin RM", null),
                org.assertj.core.groups.Tuple.tuple("Steyer AM", null),
                org.assertj.core.groups.Tuple.tuple("Schwab Y", null));
        assertThat(m.organisms()).containsExactly(new Organism("Platynereis dumerilii", "6359"));
        assertThat(m.imagingMethods()).containsExactly(
                new ImagingMethod("focussed ion beam scanning electron microscopy (FIB-SEM)", "FBbi:00050000"));
        assertThat(m.size()).isEqualTo(new DatasetSize(91124559572L, null, 5899L, null));

        DatasetMetadata m10326 = map("empiar/gide-ro-crate/EMPIAR-10326-ro-crate-metadata.json").metadata();
        assertThat(m10326.title()).isEqualTo("Raw FIB SEM images of a parasitophorous vacuole containing Toxoplasma gondii ∆CAP parasites.");
        assertThat(m10326.organisms()).containsExactly(new Organism("Toxoplasma gondii", "5811"));
        assertThat(m10326.creators()).hasSize(10).first().isEqualTo(new Creator("Hunt A", "0000-0001-7431-7156", null, null, List.of()));
        assertThat(m10326.size().bytes()).isEqualTo(294011021572L);
    }

    @Test
    void ssbdDatabaseCrateWithNcbiTaxonomyUrlPubmedLinkAndAffiliations() throws Exception {
        GideCrate crate = map("ssbd/gide-ro-crate/database/10-Komatsuzaki-MolDyn-ro-crate-metadata.json");
        DatasetMetadata m = crate.metadata();

        assertThat(crate.archive()).isEqualTo("ssbd");
        assertThat(crate.nativeId()).isEqualTo("10-Komatsuzaki-MolDyn");
        assertThat(m.identifiers()).containsExactly(Identifier.of("ssbd", "10-Komatsuzaki-MolDyn"));
        assertThat(m.landingPage()).isEqualTo("https://ssbd.riken.jp/v1/project/10-Komatsuzaki-MolDyn");
        assertThat(m.description()).isEqualTo("See details in Komatsuzaki et al. (2015) Small, 11(12):1396-1401");
        assertThat(m.released()).isEqualTo(LocalDate.of(2015, 10, 3));
        assertThat(m.license().spdx()).isEqualTo("CC-BY-NC-SA-4.0");
        assertThat(m.creators()).hasSize(6).first()
                .isEqualTo(new Creator("Takashi Jin", null, "RIKEN", "tjin@riken.jp", List.of()));
        assertThat(m.publications()).containsExactly(
                new Publication(null, "25504902", null, null, null, null, Publication.Relation.PRIMARY));
        assertThat(m.organisms()).containsExactly(new Organism("Dictyostelium discoideum", "44689"));
        assertThat(m.keywords()).containsExactly("cellular protein localization");
        assertThat(m.sampleTypes()).containsExactly("Dictyostelium discoideum");
        assertThat(m.imagingMethods()).containsExactly(new ImagingMethod("evanescent wave microscopy", "FBbi:00000617"));
        assertThat(m.size()).isEqualTo(new DatasetSize(835046281L, null, 5L, "835.0 MB"));
    }

    @Test
    void ssbdGrantsBecomeFundingAndAMissingDatePublishedIsNoReleaseDate() throws Exception {
        DatasetMetadata egfr = map("ssbd/gide-ro-crate/database/439-Takayama-dynamicsEGFR-ro-crate-metadata.json").metadata();
        assertThat(egfr.title()).isEqualTo("EGFR dynamics on CHO–K1 cells with depletion and supplementation of cholesterol");
        assertThat(egfr.funding()).singleElement().asString().startsWith("AMED Grant Number JP22ym0126815, Japan; JST CREST");
        assertThat(egfr.organisms()).containsExactly(new Organism("Cricetulus griseus", "10029"));
        assertThat(egfr.publications()).extracting(Publication::doi).containsExactly("10.1016/j.bbrc.2024.149673");
        assertThat(egfr.released()).isEqualTo(LocalDate.of(2025, 11, 28));

        DatasetMetadata tumor = map("ssbd/gide-ro-crate/database/187-Tsuboi-TumorDyn-ro-crate-metadata.json").metadata();
        assertThat(tumor.released()).isNull();
        assertThat(tumor.publications()).extracting(Publication::doi).containsExactly("10.1039/d0ra04710d");
    }

    @Test
    void ssbdRepositoryCrateIsKeyedByItsRepositoryId() throws Exception {
        GideCrate crate = map("ssbd/gide-ro-crate/repository/ssbd-repos-000011-ro-crate-metadata.json");

        assertThat(crate.archive()).isEqualTo("ssbd");
        assertThat(crate.nativeId()).isEqualTo("ssbd-repos-000011");
        assertThat(crate.metadata().title()).isEqualTo("A set of BDML files for quantitative information about neuronal nuclei in C. elegans adult");
        assertThat(crate.metadata().organisms()).containsExactly(new Organism("Caenorhabditis elegans", "6239"));
        assertThat(crate.metadata().publications()).extracting(Publication::doi).containsExactly("10.1371/journal.pcbi.1004970");
        assertThat(crate.metadata().keywords()).contains("Caenorhabditis elegans/cytology", "Normal Distribution");
        assertThat(crate.metadata().license().spdx()).isEqualTo("CC-BY-NC-SA-4.0");
    }

    @Test
    void typeAsStringOrListAndAnUnknownArchiveAreBothAccepted() throws Exception {
        String crate = """
                {"@context": "https://w3id.org/ro/crate/1.2/context", "@graph": [
                  {"@id": "ro-crate-metadata.json", "@type": ["CreativeWork"], "about": {"@id": "https://data.example.org/d/42"}},
                  {"@id": "https://data.example.org/d/42", "@type": ["Dataset", "Thing"], "identifier": "D42", "name": "Forty-two",
                   "license": {"@id": "https://creativecommons.org/licenses/by/4.0/"},
                   "author": {"@id": "#a"}, "about": [{"@id": "http://purl.obolibrary.org/obo/NCBITaxon_10090"}],
                   "keywords": "mouse, brain"},
                  {"@id": "#a", "@type": "Person", "givenName": "Ada", "familyName": "Lovelace",
                   "identifier": "https://orcid.org/0000-0002-1825-0097", "affiliation": "Analytical Engines Ltd"}]}
                """;
        GideCrate mapped = mapper.map(crate.getBytes(StandardCharsets.UTF_8));

        assertThat(mapped.archive()).isNull();
        assertThat(mapped.nativeId()).isEqualTo("D42");
        assertThat(mapped.metadata().identifiers()).containsExactly(Identifier.of("url", "https://data.example.org/d/42"));
        assertThat(mapped.metadata().license().spdx()).isEqualTo("CC-BY-4.0");
        assertThat(mapped.metadata().creators()).containsExactly(
                new Creator("Ada Lovelace", "0000-0002-1825-0097", "Analytical Engines Ltd", null, List.of()));
        assertThat(mapped.metadata().organisms()).containsExactly(new Organism(null, "10090"));
        assertThat(mapped.metadata().keywords()).containsExactly("mouse", "brain");
    }

    @Test
    void cratesThatCannotBeUsedAreRefusedWithAReason() {
        assertRefused("{\"@graph\": [", "not valid JSON");
        assertRefused("[1, 2]", "not an RO-Crate: the document is not a JSON object");
        assertRefused("{\"name\": \"x\"}", "not an RO-Crate: it has no '@graph' array");
        assertRefused("{\"@graph\": [{\"@id\": \"#p\", \"@type\": \"Person\"}]}", "not a GIDE RO-Crate: the graph has no Dataset entity");
        assertRefused("{\"@graph\": [{\"@id\": \"./\", \"@type\": \"Dataset\", \"name\": \"t\"}]}",
                "the root Dataset ./ has no 'identifier'");
        assertRefused("{\"@graph\": [{\"@id\": \"./\", \"@type\": [\"Dataset\"], \"identifier\": \"S-BIAD1\"}]}",
                "the root Dataset S-BIAD1 has no 'name' (title)");
    }

    private void assertRefused(String json, String reason) {
        assertThatThrownBy(() -> mapper.map(json.getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(InvalidRecordException.class)
                .hasMessageStartingWith(reason);
    }

    private GideCrate map(String fixture) throws IOException, InvalidRecordException {
        return mapper.map(Files.readAllBytes(Fixtures.require(fixture)));
    }
}
