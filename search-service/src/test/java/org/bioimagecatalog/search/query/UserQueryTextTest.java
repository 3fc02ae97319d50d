package org.bioimagecatalog.search.query;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class UserQueryTextTest {

    @Test
    void wordOperatorsOutsideQuotesBecomeSimpleQueryStringOperators() {
        assertThat(UserQueryText.of("mitosis OR meiosis").text()).isEqualTo("mitosis | meiosis");
        assertThat(UserQueryText.of("mitosis AND meiosis").text()).isEqualTo("mitosis meiosis");
        assertThat(UserQueryText.of("mitosis NOT meiosis").text()).isEqualTo("mitosis -meiosis");
        assertThat(UserQueryText.of("\"cells OR nuclei\" yeast").text()).isEqualTo("\"cells OR nuclei\" yeast");
    }

    @Test
    void controlCharactersAreDroppedAndOperatorsMakeTheTextNotPlain() {
        assertThat(UserQueryText.of("yeast\u0000screen").text()).isEqualTo("yeast screen");
        assertThat(UserQueryText.of("cryo-em Ribosome.").plain()).isTrue();
        assertThat(UserQueryText.of("cryo-em Ribosome.").words()).containsExactly("cryo-em", "ribosome");
        assertThat(UserQueryText.of("-ribosome").plain()).isFalse();
        assertThat(UserQueryText.of("\"cell shape\"").plain()).isFalse();
    }

    @Test
    void longestVocabularyPhraseWinsAndOtherWordsStayFreeText() {
        VocabularyExpansion expansion = VocabularyExpansion.of(UserQueryText.of("fission yeast spinning disk confocal microscopy screen"));
        assertThat(expansion.concepts()).containsExactly(
                new VocabularyExpansion.Concept("fission yeast", "organismIds", "4896"),
                new VocabularyExpansion.Concept("spinning disk confocal microscopy", "imagingMethodIds", "FBbi:00000253"));
        assertThat(expansion.rest()).isEqualTo("screen");
    }

    @Test
    void queriesWithOperatorsAreNotExpanded() {
        VocabularyExpansion expansion = VocabularyExpansion.of(UserQueryText.of("human -mouse"));
        assertThat(expansion.concepts()).isEqualTo(List.of());
        assertThat(expansion.rest()).isEqualTo("human -mouse");
    }
}
