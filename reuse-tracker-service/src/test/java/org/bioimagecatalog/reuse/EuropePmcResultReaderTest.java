package org.bioimagecatalog.reuse;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import org.bioimagecatalog.reuse.citation.Author;
import org.bioimagecatalog.reuse.collect.Candidate;
import org.bioimagecatalog.reuse.collect.europepmc.EuropePmcResultReader;
import org.bioimagecatalog.testsupport.Fixtures;
import org.junit.jupiter.api.Test;

/** The Europe PMC article reader on a real recorded {@code resultType=core} answer (no Quarkus boot). */
class EuropePmcResultReaderTest {

    @Test
    void readsIdsJournalYearAndAuthorOrcidsFromARealCoreSearchAnswer() throws Exception {
        JsonNode answer = new ObjectMapper().readTree(
                Fixtures.require("europepmc/rest-search/search_cancer_core.json").toFile());
        List<Candidate> candidates = new ArrayList<>();
        answer.path("resultList").path("result")
                .forEach(r -> EuropePmcResultReader.candidate("EMPIAR-10002", r).ifPresent(candidates::add));

        assertThat(candidates).hasSize(25);
        Candidate first = candidates.get(0);
        assertThat(first.publication().pmid()).isEqualTo("39709209");
        assertThat(first.publication().doi()).isEqualTo("10.1016/s0140-6736(24)02600-x");
        assertThat(first.publication().pmcid()).isNull();
        assertThat(first.publication().year()).isEqualTo(2025);
        assertThat(first.journal()).isEqualTo("Lancet (London, England)");
        assertThat(first.authors()).extracting(Author::name).startsWith("Schoenfeld JD");
        assertThat(first.detail()).isEqualTo("Europe PMC full text of MED:39709209 mentions EMPIAR-10002");
        Candidate withOrcid = candidates.stream().filter(c -> "40468710".equals(c.publication().pmid())).findFirst().orElseThrow();
        assertThat(withOrcid.authors()).contains(new Author("Al-Abbadey M", "0000-0002-6307-9196"));
    }
}
