package org.bioimagecatalog.harvester.idr.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.bioimagecatalog.model.DatasetMetadata;
import org.bioimagecatalog.model.Publication;
import org.bioimagecatalog.testsupport.Fixtures;
import org.junit.jupiter.api.Test;

/**
 * The IDR OMERO API route over the real answers recorded from idr.openmicroscopy.org ({@code ../shared/fixtures/idr/
 * omero-api}): the webclient annotations of idr0002's screen (asked without a type filter, so file annotations come
 * too), and the single-screen answer of idr0003, whose description flattens the study text under IDR's headings.
 */
class RecordedOmeroAnswersTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final IdrApiStudyMapper mapper = new IdrApiStudyMapper();

    @Test
    void idr0002ScreenAnnotationsMapToTheStudyAndTheFileAnnotationsAreLeftOut() throws Exception {
        OmeroContainer screen = new OmeroContainer(ContainerKind.SCREEN, 102, "idr0002-heriche-condensation/screenA", null);
        IdrApiStudy study = new IdrApiStudy("idr0002", List.of(screen));

        Map<OmeroContainer, List<Map.Entry<String, String>>> pairs =
                StudyAnnotations.read(answer("webclient-api-annotations-screen-102.json"), study);

        // one MapAnnotationI (ns idr.openmicroscopy.org/study/info) of 16 pairs; the two FileAnnotationI carry none
        assertThat(pairs.get(screen)).hasSize(16).startsWith(Map.entry("Sample Type", "cell"));
        DatasetMetadata m = mapper.map(study, pairs);
        assertThat(m.title()).isEqualTo("Focused mitotic chromsome condensaton screen using HeLa cells");
        assertThat(m.organisms()).extracting(o -> o.label() + " " + o.ncbiTaxonId()).containsExactly("Homo sapiens 9606");
        assertThat(m.imagingMethods()).extracting(i -> i.label()).containsExactly("fluorescence microscopy");
        assertThat(m.sampleTypes()).containsExactly("cell");
        assertThat(m.released()).isEqualTo(LocalDate.of(2016, 5, 26));
        assertThat(m.license().spdx()).isEqualTo("CC-BY-4.0");
        assertThat(m.license().url()).isEqualTo("https://creativecommons.org/licenses/by/4.0/");
        // identifier values carry their URL in the same string ("24943848 https://www.ncbi.nlm.nih.gov/pubmed/24943848")
        assertThat(m.publications()).singleElement().satisfies(p -> {
            assertThat(p.doi()).isEqualTo("10.1091/mbc.e13-04-0221");
            assertThat(p.pmid()).isEqualTo("24943848");
            assertThat(p.pmcid()).isEqualTo("PMC4142622");
            assertThat(p.title()).startsWith("Integration of biological data by kernels on graph nodes");
            assertThat(p.relation()).isEqualTo(Publication.Relation.PRIMARY);
        });
        // the accession, and the OMERO screen id the web client shows
        assertThat(m.identifiers()).extracting(i -> i.value()).containsExactly("idr0002", "102");
    }

    @Test
    void idr0003ScreenDescriptionIsSplitOnIdrsHeadingsNotUsedWhole() throws Exception {
        JsonNode data = answer("api-v0-m-screens-51.json").path("data");
        OmeroContainer screen = new OmeroContainer(ContainerKind.SCREEN, data.path("@id").asLong(), data.path("Name").asText(),
                data.path("Description").asText());
        IdrApiStudy study = new IdrApiStudy("idr0003", List.of(screen));

        DatasetMetadata m = mapper.map(study, Map.of(screen, List.of(Map.entry("Study Title", "idr0003 (title from the study map)"))));

        assertThat(screen.id()).isEqualTo(51);
        assertThat(m.description()).isEqualTo("Screen to characterize yeast stress responses at the protein level, focusing on two"
                + " key properties: protein localization and abundance, at a single-cell resolution. It measures the levels of"
                + " 5,330 yeast proteins and manually assign their localization using strains from a GFP fusion library.");
        assertThat(m.description()).doesNotContain("Publication Title");
    }

    private static JsonNode answer(String file) throws IOException {
        return JSON.readTree(Files.readAllBytes(Fixtures.require("idr/omero-api/" + file)));
    }
}
