package org.bioimagecatalog.search.query;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class IdentifierQueryTest {

    private static IdentifierQuery id(String text) {
        return IdentifierQuery.recognise(text).orElseThrow(() -> new AssertionError("not recognised: " + text));
    }

    @Test
    void accessionsOfEveryArchiveWhateverTheCaseOrTrailingDot() {
        assertThat(id("IDR0001.").keys()).containsExactly("acc:idr0001");
        assertThat(id("empiar-10002").keys()).containsExactly("acc:empiar-10002");
        assertThat(id("s-biad15").keys()).containsExactly("acc:s-biad15");
        assertThat(id("S-BSST7").keys()).containsExactly("acc:s-bsst7");
        assertThat(id("bbbc021").keys()).containsExactly("acc:bbbc021");
        assertThat(id("cpg0016").keys()).containsExactly("acc:cpg0016");
        assertThat(id("ssbd-repos-000431").keys()).containsExactly("acc:ssbd-repos-000431");
        assertThat(id("idr0001").definite()).isTrue();
    }

    @Test
    void archiveUrlsNameTheirAccession() {
        assertThat(id("https://idr.openmicroscopy.org/search/?query=Name:idr0052").keys()).containsExactly("acc:idr0052");
        assertThat(id("https://www.ebi.ac.uk/empiar/EMPIAR-10002/").keys()).containsExactly("acc:empiar-10002");
        assertThat(id("www.ebi.ac.uk/biostudies/bioimages/studies/S-BIAD15").keys()).containsExactly("acc:s-biad15");
        assertThat(id("https://ssbd.riken.jp/repository/ssbd-repos-000431/").keys())
                .containsExactly("acc:ssbd-repos-000431");
    }

    @Test
    void doisInEveryFormBecomeOneKey() {
        for (String form : new String[] {"10.17867/10000101", "doi:10.17867/10000101", "DOI: 10.17867/10000101",
                "https://doi.org/10.17867/10000101", "http://dx.doi.org/10.17867/10000101.", "doi.org/10.17867/10000101"}) {
            assertThat(id(form).keys()).as(form).containsExactly("doi:10.17867/10000101");
        }
    }

    @Test
    void pubmedIdsAndOrcids() {
        assertThat(id("PMID: 21269460").keys()).containsExactly("pmid:21269460");
        assertThat(id("https://pubmed.ncbi.nlm.nih.gov/21269460/").keys()).containsExactly("pmid:21269460");
        assertThat(id("PMC3033012").keys()).containsExactly("pmcid:pmc3033012");
        assertThat(id("https://www.ncbi.nlm.nih.gov/pmc/articles/PMC3033012/").keys()).containsExactly("pmcid:pmc3033012");
        assertThat(id("https://orcid.org/0000-0002-1825-0097").keys()).containsExactly("orcid:0000-0002-1825-0097");
        assertThat(id("0000000218250097").keys()).containsExactly("orcid:0000-0002-1825-0097");
    }

    @Test
    void aBareNumberIsOnlyAPossiblePmidAndWordsAreNoIdentifier() {
        IdentifierQuery number = id("1008");
        assertThat(number.definite()).isFalse();
        assertThat(number.keys()).containsExactly("pmid:1008");
        assertThat(IdentifierQuery.recognise("fission yeast")).isEmpty();
        assertThat(IdentifierQuery.recognise("idr0001 mitosis")).isEmpty();
        assertThat(IdentifierQuery.recognise("https://example.org/nothing")).isEmpty();
    }

    @Test
    void theLookupIsOneBoostedTermsQuery() {
        var lookup = id("IDR0001").lookup();
        assertThat(lookup.path("terms").path("lookupIds").get(0).asText()).isEqualTo("acc:idr0001");
        assertThat(lookup.path("terms").path("boost").asInt()).isEqualTo(IdentifierQuery.BOOST);
    }
}
