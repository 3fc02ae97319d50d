package org.bioimagecatalog.reuse;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.bioimagecatalog.reuse.citation.Author;
import org.bioimagecatalog.reuse.citation.LinkRelation;
import org.bioimagecatalog.reuse.collect.Candidate;
import org.bioimagecatalog.reuse.collect.crossref.CrossrefReferenceReader;
import org.bioimagecatalog.testsupport.Fixtures;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/** The Crossref {@code reference[]} reader (no boot): DOIs, DOIs and accessions in unstructured text, the work. */
class CrossrefReferenceReaderTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** SELF-WRITTEN work (fictitious 10.5555 DOIs): no recorded reference list names an accession. */
    private static final String SELF_WRITTEN_WORK = """
            {"DOI": "10.5555/bic.crossref.work", "title": ["Reprocessing public cryo-EM data"],
             "container-title": ["Self-written Journal"], "issued": {"date-parts": [[2024, 2, 1]]},
             "author": [{"given": "Jean-Karim", "family": "Hériché", "ORCID": "https://orcid.org/0000-0001-6867-9425"},
                        {"name": "The Consortium"}],
             "reference": [
               {"key": "r1", "unstructured": "Iudin A et al. (2016) EMPIAR. Dataset empiar-10002, 2013."},
               {"key": "r2", "unstructured": "Data at <ext-link xlink:href=\\"https://doi.org/10.6019/EMPIAR-10028\\">https://doi.org/10.6019/EMPIAR-10028</ext-link>."},
               {"key": "r3", "DOI": "10.6019/empiar-10028", "doi-asserted-by": "publisher"},
               {"key": "r4", "unstructured": "Images from S-BIAD1440 and idr0002 (not tracked)."},
               {"key": "r5", "DOI": "10.1038/nmeth.3806", "unstructured": "A paper, not a dataset."}
             ]}
            """;

    @Test
    void findsTrackedDatasetsByReferenceDoiAndInUnstructuredTextOncePerDataset() throws Exception {
        List<Candidate> found = CrossrefReferenceReader.candidates(JSON.readTree(SELF_WRITTEN_WORK),
                Set.of("10.6019/empiar-10028"), Set.of("EMPIAR-10002", "S-BIAD144"));

        assertThat(found).extracting(Candidate::datasetIdentifier).containsExactly("EMPIAR-10002", "10.6019/empiar-10028");
        assertThat(found).extracting(Candidate::detail).containsExactly(
                "Crossref reference list of 10.5555/bic.crossref.work: reference r1 text names EMPIAR-10002",
                "Crossref reference list of 10.5555/bic.crossref.work: reference r2 text names 10.6019/empiar-10028");
        Candidate first = found.get(0);
        assertThat(first.relation()).isEqualTo(LinkRelation.REUSE);
        assertThat(first.journal()).isEqualTo("Self-written Journal");
        assertThat(first.publication().doi()).isEqualTo("10.5555/bic.crossref.work");
        assertThat(first.publication().title()).isEqualTo("Reprocessing public cryo-EM data");
        assertThat(first.publication().year()).isEqualTo(2024);
        assertThat(first.authors()).containsExactly(new Author("Hériché, Jean-Karim", "0000-0001-6867-9425"),
                new Author("The Consortium", null));
    }

    @Test
    void theRecordedReferenceListsGiveExactlyTheCitationsOfTheTrackedDois() throws Exception {
        List<JsonNode> works = recordedWorks();
        assertThat(works).hasSize(25);
        Set<String> none = Set.of();
        Set<String> accessions = Set.of("idr0001", "EMPIAR-10002", "S-BIAD144", "BBBC021");
        List<Candidate> noise = new ArrayList<>();
        works.forEach(w -> noise.addAll(CrossrefReferenceReader.candidates(w, none, accessions)));
        assertThat(noise).as("no accession in 968 real references").isEmpty();

        List<Candidate> found = new ArrayList<>();
        works.forEach(w -> found.addAll(CrossrefReferenceReader.candidates(w,
                Set.of("10.1016/j.jacc.2013.11.031", "10.1007/s40266-016-0424-8", "10.1056/nejmra1104650"), none)));
        assertThat(found).extracting(c -> c.publication().doi() + " -> " + c.datasetIdentifier()).containsExactly(
                "10.1016/j.ensci.2017.12.005 -> 10.1056/nejmra1104650",
                "10.1007/s41999-017-0019-x -> 10.1007/s40266-016-0424-8",
                "10.1007/s41999-017-0019-x -> 10.1016/j.jacc.2013.11.031");
        assertThat(found.get(0).authors()).hasSize(6).contains(new Author("Kawashima, Shoji", "0000-0002-9358-7503"));
    }

    @SuppressWarnings("unchecked")
    private static List<JsonNode> recordedWorks() throws Exception {
        Map<String, Object> cassette;
        try (Reader reader = Files.newBufferedReader(Fixtures.require("crossref/works-cassettes/works-with-references-cursor.yml"),
                StandardCharsets.UTF_8)) {
            cassette = new Yaml().load(reader);
        }
        List<JsonNode> works = new ArrayList<>();
        for (Map<String, Object> interaction : (List<Map<String, Object>>) cassette.get("http_interactions")) {
            Map<String, Object> body = (Map<String, Object>) ((Map<String, Object>) interaction.get("response")).get("body");
            JSON.readTree((String) body.get("string")).path("message").path("items").forEach(works::add);
        }
        return works;
    }
}
