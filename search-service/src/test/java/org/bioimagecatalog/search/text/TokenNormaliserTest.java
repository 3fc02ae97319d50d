package org.bioimagecatalog.search.text;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TokenNormaliserTest {

    @Test
    void digitGroupingApostrophesAndQuotesAreTheSameWordsInTextAndQuery() {
        assertThat(TokenNormaliser.words("1,008 “cell’s” 'nuclei'")).containsExactly("1008", "cell", "s", "nuclei");
        assertThat(TokenNormaliser.words("1008 cell's")).containsExactly("1008", "cell", "s");
        assertThat(TokenNormaliser.indexed("A screen of 1,008 genes in the cell’s nucleus"))
                .isEqualTo("A screen of 1008 genes in the cell s nucleus");
    }

    @Test
    void hyphenatedWordsAreIndexedSplitAndJoinedAndQueriedSplit() {
        assertThat(TokenNormaliser.indexed("A genome-wide RNAi screen")).isEqualTo("A genome wide RNAi screen genomewide");
        assertThat(TokenNormaliser.words("Genome-wide screen")).containsExactly("genome", "wide", "screen");
    }

    @Test
    void decimalsAndShortNumbersAreNotDigitGroups() {
        assertThat(TokenNormaliser.words("0,5 mM 12,3456")).containsExactly("0", "5", "mm", "12", "3456");
        assertThat(TokenNormaliser.indexed(null)).isNull();
        assertThat(TokenNormaliser.words("  ")).isEmpty();
    }
}
