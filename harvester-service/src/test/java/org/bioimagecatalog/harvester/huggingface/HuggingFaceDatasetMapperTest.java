package org.bioimagecatalog.harvester.huggingface;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import org.bioimagecatalog.harvester.files.InvalidRecordException;
import org.bioimagecatalog.model.Creator;
import org.bioimagecatalog.model.DatasetMetadata;
import org.bioimagecatalog.model.DatasetSize;
import org.bioimagecatalog.model.Identifier;
import org.bioimagecatalog.model.ImagingMethod;
import org.bioimagecatalog.model.License;
import org.bioimagecatalog.model.Organism;
import org.bioimagecatalog.model.Publication;
import org.bioimagecatalog.model.Publication.Relation;
import org.junit.jupiter.api.Test;

/** Every self-written Hub record of {@code src/test/resources/huggingface} (see the README there). */
class HuggingFaceDatasetMapperTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final HuggingFaceDatasetMapper mapper = new HuggingFaceDatasetMapper();

    @Test
    void everyRecordMapsButTheOneWithoutAnId() throws Exception {
        List<JsonNode> records = new ArrayList<>();
        page("huggingface/datasets-page-1.json").forEach(records::add);
        page("huggingface/datasets-page-2.json").forEach(records::add);
        records.add(page("huggingface/dataset-single.json"));
        List<String> mapped = new ArrayList<>();
        List<String> rejected = new ArrayList<>();
        for (JsonNode record : records) {
            try {
                mapped.add(mapper.map(record).identifiers().get(0).value());
            } catch (InvalidRecordException e) {
                rejected.add(e.getMessage());
            }
        }
        assertThat(mapped).containsExactly("example-lab/fluorescent-nuclei-example", "example-org/em-mitochondria-example",
                "someone/cryo-et-tomograms-example", "example-lab/light-sheet-embryos-example");
        assertThat(rejected).containsExactly("a Hub dataset without an id");
    }

    @Test
    void aFullListingEntryMapsCardTagsCitationAndSizes() throws Exception {
        DatasetMetadata m = mapper.map(page("huggingface/datasets-page-1.json").get(0));

        assertThat(m.title()).isEqualTo("Fluorescent nuclei (example)");
        assertThat(m.description()).endsWith("Hoechst-stained nuclei of U2OS cells with expert masks, for segmentation benchmarks.");
        assertThat(m.identifiers()).containsExactly(Identifier.of("huggingface", "example-lab/fluorescent-nuclei-example"),
                Identifier.of("doi", "10.57967/hf/1234"));
        assertThat(m.landingPage()).isEqualTo("https://huggingface.co/datasets/example-lab/fluorescent-nuclei-example");
        assertThat(m.accessUrls()).containsExactly("https://huggingface.co/datasets/example-lab/fluorescent-nuclei-example/tree/main");
        assertThat(m.creators()).containsExactly(new Creator("example-lab", null, null, null, List.of("owner on the Hub")));
        assertThat(m.released()).hasToString("2023-09-26");
        assertThat(m.modified()).hasToString("2024-05-14");
        assertThat(m.license()).isEqualTo(new License("CC-BY-4.0", null, "cc-by-4.0"));
        assertThat(m.organisms()).containsExactly(new Organism("human", "9606"));
        assertThat(m.imagingMethods()).containsExactly(new ImagingMethod("microscopy", "FBbi:00000241"),
                new ImagingMethod("fluorescence-microscopy", "FBbi:00000246"));
        assertThat(m.keywords()).containsExactly("image-segmentation", "image", "biology", "microscopy",
                "fluorescence-microscopy", "human");
        assertThat(m.formatLabels()).containsExactly("imagefolder");
        assertThat(m.publications()).containsExactly(
                new Publication("10.48550/arxiv.2301.01234", null, null, null, null, null, Relation.PRIMARY),
                new Publication("10.1234/example.2023.42", null, null, "An example fluorescent nuclei dataset", 2023, null,
                        Relation.PRIMARY));
        assertThat(m.size()).isEqualTo(new DatasetSize(1_000_000_000L, 2500L, null, "1K<n<10K examples (Hub size category)"));
    }

    @Test
    void otherLicencesConfigListsTagLicencesAndSingleDatasetAnswers() throws Exception {
        DatasetMetadata em = mapper.map(page("huggingface/datasets-page-1.json").get(1));
        assertThat(em.title()).isEqualTo("example-org/em-mitochondria-example");
        assertThat(em.license()).isEqualTo(new License(null, "https://example.org/data-licence", "Example Lab Data Licence 1.0"));
        assertThat(em.imagingMethods()).containsExactly(new ImagingMethod("electron-microscopy", "FBbi:00000256"));
        assertThat(em.organisms()).containsExactly(new Organism("mouse", "10090"));
        assertThat(em.size()).isEqualTo(new DatasetSize(5_250_000L, 80L, null, "n<1K examples (Hub size category)"));
        assertThat(em.formatLabels()).containsExactly("parquet");

        DatasetMetadata cryo = mapper.map(page("huggingface/datasets-page-2.json").get(0));
        assertThat(cryo.license()).isEqualTo(new License("MIT", null, "mit"));
        assertThat(cryo.imagingMethods()).containsExactly(new ImagingMethod("cryo-et", "FBbi:00000258"));
        assertThat(cryo.organisms()).containsExactly(new Organism("zebrafish", "7955"));
        assertThat(cryo.size()).isNull();

        DatasetMetadata single = mapper.map(page("huggingface/dataset-single.json"));
        assertThat(single.title()).isEqualTo("Light-sheet zebrafish embryos (example)");
        assertThat(single.license()).isEqualTo(new License("CC0-1.0", null, "cc0-1.0"));
        assertThat(single.imagingMethods()).containsExactly(
                new ImagingMethod("light-sheet-fluorescence-microscopy", "FBbi:00000369"));
        assertThat(single.publications()).isEmpty();
    }

    @Test
    void aDisabledDatasetIsRejected() {
        assertThatThrownBy(() -> mapper.map(JSON.readTree("{\"id\": \"a/b\", \"disabled\": true}")))
                .isInstanceOf(InvalidRecordException.class).hasMessage("a/b: the dataset is disabled on the Hub");
    }

    static JsonNode page(String resource) throws IOException {
        try (InputStream in = HuggingFaceDatasetMapperTest.class.getClassLoader().getResourceAsStream(resource)) {
            return JSON.readTree(in);
        }
    }
}
