package org.bioimagecatalog.model.vocab;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.bioimagecatalog.model.CellLine;
import org.bioimagecatalog.model.DatasetMetadata;
import org.bioimagecatalog.model.Organism;
import org.bioimagecatalog.model.TermRef;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The hard cases of the recorded archives (issue 15), against the bundled tables. */
class OrganismNormaliserTest {
    private final MetadataNormaliser offline = new MetadataNormaliser(TaxonResolver.NONE);

    @Test
    void theElevenHumanBucketsBecomeOneTaxonAndTheCellLinesGoToCellLines() {
        List<String> labels = List.of("Homo sapiens", "Homo sapiens (human)", "homo sapiens", "HeLa", "U2OS", "A549",
                "HCT116", "HepG2", "Huh7", "MCF-7", "iPSC");
        for (String label : labels) {
            // the harvesters gave 9606 with the cell-line labels; a named line answers 9606 without it too ("iPSC"
            // names no species: only with the id the source gave)
            for (String given : label.equals("iPSC") ? new String[] {"9606"} : new String[] {null, "9606"}) {
                DatasetMetadata out = normalise(new Organism(label, given));
                assertThat(out.organisms()).as(label + " / " + given).extracting(Organism::ncbiTaxonId).containsExactly("9606");
                assertThat(out.organisms().get(0).name()).isEqualTo("Homo sapiens");
            }
        }
    }

    @ParameterizedTest
    @CsvSource({
            "HeLa, CVCL_0030, HeLa",
            "U2OS, CVCL_0042, U-2 OS",
            "U-2 OS, CVCL_0042, U-2 OS",
            "A549, CVCL_0023, A-549",
            "HCT116, CVCL_0291, HCT 116",
            "HepG2, CVCL_0027, Hep-G2",
            "Huh7, CVCL_0336, Huh-7",
            "MCF-7, CVCL_0031, MCF-7",
            "HEK293, CVCL_0045, HEK293",
            "RPE-1, CVCL_4388, hTERT RPE-1"})
    void aCellLineIsNotAnOrganism(String label, String accession, String name) {
        DatasetMetadata out = normalise(new Organism(label, "9606"));
        assertThat(out.cellLines()).containsExactly(new CellLine(label, accession, name, "9606"));
        assertThat(out.organisms()).extracting(Organism::label, Organism::ncbiTaxonId).containsExactly(
                org.assertj.core.groups.Tuple.tuple("Homo sapiens", "9606"));
    }

    @Test
    void aCellLinesSpeciesIsAddedOnceBesideTheSpeciesItself() {
        DatasetMetadata out = normalise(new Organism("Homo sapiens", "9606"), new Organism("HeLa", "9606"),
                new Organism("U2OS", null), new Organism("CHO-K1", null));
        assertThat(out.organisms()).extracting(Organism::label, Organism::ncbiTaxonId).containsExactly(
                org.assertj.core.groups.Tuple.tuple("Homo sapiens", "9606"),
                org.assertj.core.groups.Tuple.tuple("Cricetulus griseus", "10029"));
        assertThat(out.cellLines()).extracting(CellLine::cellosaurusId).containsExactly("CVCL_0030", "CVCL_0042", "CVCL_0214");
    }

    @Test
    void aLineTheTableHoldsIsNamedByTheTableWhateverTheSourceCalledIt() {
        // BBBC's pages: "U2OS" with CVCL_0042 and the source's own spelling as name; the facet shows one name per id
        DatasetMetadata bbbc = offline.normalise(DatasetMetadata.builder().title("t")
                .cellLine(new CellLine("U2OS", "CVCL_0042", "U2OS", "9606")).build());
        assertThat(bbbc.cellLines()).containsExactly(new CellLine("U2OS", "CVCL_0042", "U-2 OS", "9606"));
        // a line outside the table keeps what the source said
        DatasetMetadata hl60 = offline.normalise(DatasetMetadata.builder().title("t")
                .cellLine(new CellLine("HL-60", "CVCL_0002", "HL-60", "9606")).build());
        assertThat(hl60.cellLines()).containsExactly(new CellLine("HL-60", "CVCL_0002", "HL-60", "9606"));
    }

    @Test
    void aSourcesIdOutsideTheTableIsKeptWhenNobodyIsAsked() {
        // SSBD's fish vertebrae crate: genus abbreviations with NCBI ids that the bundled table does not hold
        DatasetMetadata out = normalise(new Organism("T. japonicus", "NCBITaxon:29144"));
        assertThat(out.organisms()).extracting(Organism::label, Organism::ncbiTaxonId).containsExactly(
                org.assertj.core.groups.Tuple.tuple("T. japonicus", "29144"));
    }

    @Test
    void aGenericCellTypeKeepsTheSpeciesTheSourceGaveAndHasNoAccession() {
        DatasetMetadata out = normalise(new Organism("iPSC", "9606"));
        assertThat(out.cellLines()).containsExactly(new CellLine("iPSC", null, "induced pluripotent stem cell", "9606"));
        DatasetMetadata unsaid = normalise(new Organism("iPSC", null));
        assertThat(unsaid.organisms()).containsExactly(new Organism("iPSC", null));
    }

    @ParameterizedTest
    @CsvSource({
            "Mus musculus", "Mus musculus (mouse)", "Mus muculus", "M. muculus", "NCBITaxon:10090", "NCBITaxon_10090",
            "10090", "mouse", "house mouse", "M. musculus", "C57BL/6", "BALB/c", "MUS MUSCULUS"})
    void everyMouseSpellingIsTaxon10090(String label) {
        Organism o = normalise(new Organism(label, null)).organisms().get(0);
        assertThat(o.ncbiTaxonId()).isEqualTo("10090");
        assertThat(o.label()).isEqualTo(label);
        assertThat(o.name()).isEqualTo("Mus musculus");
        assertThat(o.rank()).isEqualTo("species");
        assertThat(o.lineage()).extracting(TermRef::name).contains("Mammalia", "Rodentia", "Vertebrata", "Mus");
    }

    @ParameterizedTest
    @CsvSource({
            "X. laevis, 8355, Xenopus laevis",
            "C. griseus, 10029, Cricetulus griseus",
            "M. fascicularis, 9541, Macaca fascicularis",
            "Wistar rat, 10116, Rattus norvegicus",
            "Glycine max (soybean), 3847, Glycine max",
            "Canis familiaris (dog), 9615, Canis lupus familiaris",
            "Nematostella vectensis, 45351, Nematostella vectensis",
            "Bos Taurus (cow), 9913, Bos taurus",
            "zebrafish, 7955, Danio rerio",
            "fruit fly, 7227, Drosophila melanogaster",
            "Chlorocebus aethiops, 9534, Chlorocebus aethiops",
            "Schizosaccharomyces pombe (fission yeast), 4896, Schizosaccharomyces pombe"})
    void hardCasesOfTheArchives(String label, String id, String name) {
        Organism o = normalise(new Organism(label, null)).organisms().get(0);
        assertThat(o).extracting(Organism::label, Organism::ncbiTaxonId, Organism::name).containsExactly(label, id, name);
    }

    @Test
    void anAbbreviationThatTheTableDoesNotMakeUniqueStaysUnresolved() {
        // "C. elegans" is unique; "M. spp" matches nothing; "S. cerevisiae" unique; a genus letter shared by two
        // species with one epithet would be ambiguous: none in the table, so build one
        TaxonTable two = new TaxonTable(List.of(
                new String[] {"1", "Alnus bela", "species", "", "", "", "curated"},
                new String[] {"2", "Alnus beta", "species", "", "", "", "curated"},
                new String[] {"3", "Apis beta", "species", "", "", "", "curated"}), List.of());
        assertThat(two.byAbbreviation("A. beta")).isEmpty();
        assertThat(two.byAbbreviation("A. bela")).map(Taxon::id).contains("1");
        assertThat(two.byScientificName("alnus BETA")).map(Taxon::id).contains("2");
        assertThat(two.byNearMiss("Alnus betla")).isEmpty(); // within 2 edits of two names
        assertThat(two.byNearMiss("Apis bettaa")).map(Taxon::id).contains("3");
        assertThat(normalise(new Organism("C. elegans", null)).organisms().get(0).ncbiTaxonId()).isEqualTo("6239");
    }

    @Test
    void anUnresolvableLabelIsKeptWithoutAnId() {
        for (String label : List.of("Scapania zemliae", "Beads", "simulated data", "Unknownia sp.")) {
            assertThat(normalise(new Organism(label, null)).organisms()).containsExactly(new Organism(label, null));
        }
    }

    @Test
    void anIdTheSourceGaveWinsOverTheLabelAndIsKeptWhenTheTableLacksIt() {
        assertThat(normalise(new Organism("Oryzias latipes", "8090")).organisms().get(0).name()).isEqualTo("Oryzias latipes");
        // SSBD pairs these names with ids of other taxa (1802, 8033, 4853): the table's exact name wins
        assertThat(normalise(new Organism("X. laevis", "1802")).organisms().get(0).ncbiTaxonId()).isEqualTo("8355");
        assertThat(normalise(new Organism("Oryzias latipes", "8033")).organisms().get(0).ncbiTaxonId()).isEqualTo("8090");
        assertThat(normalise(new Organism("Schizosaccharomyces pombe", "4853")).organisms().get(0).ncbiTaxonId()).isEqualTo("4896");
        // but a common name or a near miss never overrides an id
        assertThat(normalise(new Organism("mouse", "1802")).organisms()).containsExactly(new Organism("mouse", "1802"));
        assertThat(normalise(new Organism("mixed sample", "1427524")).organisms())
                .containsExactly(new Organism("mixed sample", "1427524"));
    }

    @Test
    void theOnlineResolverAnswersWhatTheTableLacksAndItsUnavailabilityLeavesTheValueUnresolved() {
        Taxon axolotl = new Taxon("8296", "Ambystoma mexicanum", "species", List.of("axolotl"), List.of(new TermRef("8292", "Amphibia")));
        List<String> asked = new ArrayList<>();
        TaxonResolver online = new TaxonResolver() {
            @Override
            public Optional<Taxon> byName(String name) {
                asked.add("name:" + name);
                return name.equals("Ambystoma mexicanum") ? Optional.of(axolotl) : Optional.empty();
            }

            @Override
            public Optional<Taxon> byId(String id) {
                asked.add("id:" + id);
                return id.equals("668400") ? Optional.of(new Taxon("668482", "Sinularia polydactyla", "species", null, null))
                        : Optional.empty();
            }
        };
        MetadataNormaliser withOnline = new MetadataNormaliser(online);
        DatasetMetadata out = withOnline.normalise(metadata(new Organism("Ambystoma mexicanum", null),
                new Organism("Homo sapiens", null), new Organism("coral", "668400"),
                new Organism("Scapania zemliae", "7480007")));
        // a GBIF key written as an NCBI id: NCBI has no such taxon, so the label alone decides, and stays unresolved
        assertThat(out.organisms()).extracting(Organism::ncbiTaxonId).containsExactly("8296", "9606", "668482", null);
        assertThat(out.organisms().get(3).label()).isEqualTo("Scapania zemliae");
        assertThat(asked).containsExactly("name:Ambystoma mexicanum", "id:668400", "id:7480007", "name:Scapania zemliae");

        TaxonResolver down = new TaxonResolver() {
            @Override
            public Optional<Taxon> byName(String name) {
                throw new Unavailable("429 from NCBI", null);
            }

            @Override
            public Optional<Taxon> byId(String id) {
                throw new Unavailable("timeout", null);
            }
        };
        DatasetMetadata unresolved = new MetadataNormaliser(down).normalise(metadata(new Organism("Ambystoma mexicanum", null),
                new Organism("Scapania zemliae", "7480007")));
        assertThat(unresolved.organisms()).containsExactly(new Organism("Ambystoma mexicanum", null),
                new Organism("Scapania zemliae", "7480007"));
    }

    @Test
    void theTableAnswersSearchesNamesAndDescendants() {
        assertThat(NcbiTaxon.idForName("mouse")).contains("10090");
        assertThat(NcbiTaxon.names("10090")).contains("Mus musculus", "house mouse", "mouse");
        assertThat(NcbiTaxon.descendants("40674")).contains("9606", "10090", "10116", "9615").doesNotContain("7955", "40674");
        assertThat(NcbiTaxon.descendants("4751")).contains("4932", "4896").doesNotContain("9606");
        assertThat(NcbiTaxon.taxon("NCBITaxon:9606")).map(Taxon::lineage).get().asList()
                .contains(new TermRef("9443", "Primates"), new TermRef("2759", "Eukaryota"));
    }

    @Test
    void everyLineageIdOfTheTableIsATaxonOfTheTableAndTheCladesPeopleFilterOnArePresent() {
        TaxonTable table = TaxonTable.bundled();
        for (Taxon t : table.all()) {
            for (TermRef a : t.lineage()) {
                assertThat(table.byId(a.id())).as(t.scientificName() + " ancestor " + a).map(Taxon::scientificName).contains(a.name());
            }
        }
        for (String clade : List.of("cellular organisms", "Eukaryota", "Bacteria", "Archaea", "Viruses", "Opisthokonta",
                "Metazoa", "Fungi", "Viridiplantae", "Chordata", "Vertebrata", "Mammalia", "Primates", "Rodentia", "Aves",
                "Actinopterygii", "Amphibia", "Arthropoda", "Insecta", "Nematoda")) {
            assertThat(table.byScientificName(clade)).as(clade).isPresent();
        }
    }

    @Test
    void editDistanceCountsInsertionsDeletionsAndSubstitutions() {
        assertThat(EditDistance.atMost("mus muculus", "mus musculus", 1)).isTrue();
        assertThat(EditDistance.atMost("mus muclus", "mus musculus", 1)).isFalse();
        assertThat(EditDistance.atMost("mus muclus", "mus musculus", 2)).isTrue();
        assertThat(EditDistance.atMost("rattus", "mus", 2)).isFalse();
    }

    private DatasetMetadata normalise(Organism... organisms) {
        return offline.normalise(metadata(organisms));
    }

    private static DatasetMetadata metadata(Organism... organisms) {
        DatasetMetadata.Builder b = DatasetMetadata.builder().title("t");
        for (Organism o : organisms) {
            b.organism(o);
        }
        return b.build();
    }
}
