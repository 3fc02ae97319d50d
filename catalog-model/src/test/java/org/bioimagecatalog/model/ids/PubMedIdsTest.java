package org.bioimagecatalog.model.ids;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PubMedIdsTest {

    @Test
    void readsPmidsInBareAndPrefixedForms() {
        assertThat(PubMedIds.pmid("25373780")).contains("25373780");
        assertThat(PubMedIds.pmid(" PMID: 25373780 ")).contains("25373780");
        assertThat(PubMedIds.pmid("0")).isEmpty();
        assertThat(PubMedIds.pmid("PMC4648281")).isEmpty();
        assertThat(PubMedIds.pmid("2537378a")).isEmpty();
    }

    @Test
    void readsPmcidsWithOrWithoutThePrefix() {
        assertThat(PubMedIds.pmcid("PMC4648281")).contains("PMC4648281");
        assertThat(PubMedIds.pmcid("pmc4648281")).contains("PMC4648281");
        assertThat(PubMedIds.pmcid("4648281")).contains("PMC4648281");
        assertThat(PubMedIds.pmcid("PMC")).isEmpty();
        assertThat(PubMedIds.pmcid(null)).isEmpty();
    }
}
