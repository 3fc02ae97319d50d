package org.bioimagecatalog.catalog.taxonomy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.bioimagecatalog.model.TermRef;
import org.bioimagecatalog.model.vocab.Taxon;
import org.junit.jupiter.api.Test;

/** The E-utilities answer parsing on the real recordings in ../shared/fixtures/taxonomy/ncbi-eutils/. */
class EutilsAnswersTest {
    private static final String E = "https://eutils.ncbi.nlm.nih.gov/entrez/eutils/";

    @Test
    void esearchFindsOneIdForAName() throws Exception {
        assertThat(EutilsAnswers.searchIds(EutilsRecordings.body(E + "esearch.fcgi?db=taxonomy&term=Chironomus%2Briparius")))
                .containsExactly("315576");
        assertThat(EutilsAnswers.searchIds(EutilsRecordings.body(E + "esearch.fcgi?db=taxonomy&term=Helianthus%2Bannuus")))
                .containsExactly("4232");
    }

    @Test
    void aMissIsNoIdsNotAnError() throws Exception {
        // HTTP 200 with <Count>0</Count>, <ErrorList><PhraseNotFound>aaa</PhraseNotFound> and a <WarningList>
        assertThat(EutilsAnswers.searchIds(EutilsRecordings.body(E + "esearch.fcgi?db=taxonomy&term=aaa"))).isEmpty();
    }

    @Test
    void anAmbiguousGenusAnswersTwoIds() throws Exception {
        // Echinacea: the plant genus (eudicots) and a sea-urchin superorder
        assertThat(EutilsAnswers.searchIds(EutilsRecordings.body(E + "esearch.fcgi?db=taxonomy&term=Echinacea")))
                .containsExactly("53747", "7674");
        List<EutilsAnswers.Summary> both = EutilsAnswers.summaries(
                EutilsRecordings.body(E + "esummary.fcgi?db=taxonomy&ID=53747%2C7674"));
        assertThat(both).extracting(EutilsAnswers.Summary::id, EutilsAnswers.Summary::rank)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("53747", "genus"),
                        org.assertj.core.groups.Tuple.tuple("7674", "superorder"));
        assertThat(both.get(0).division()).isNotEqualTo(both.get(1).division());
    }

    @Test
    void esummaryV1DocSumsWithEntitiesInTheDivision() throws Exception {
        List<EutilsAnswers.Summary> cattle = EutilsAnswers.summaries(EutilsRecordings.body(E + "esummary.fcgi?db=taxonomy&id=9913,30521"));
        assertThat(cattle).containsExactly(
                new EutilsAnswers.Summary("9913", "species", "even-toed ungulates & whales", "Bos taurus", "domestic cattle"),
                new EutilsAnswers.Summary("30521", "species", "even-toed ungulates & whales", "Bos grunniens", "domestic yak"));
        assertThat(EutilsAnswers.summaries(EutilsRecordings.body(E + "esummary.fcgi?db=taxonomy&id=4751")))
                .extracting(EutilsAnswers.Summary::scientificName, EutilsAnswers.Summary::rank)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("Fungi", "kingdom"));
    }

    @Test
    void efetchGivesTheFullRecordWithItsLineage() throws Exception {
        List<EutilsAnswers.Fetched> human = EutilsAnswers.taxa(EutilsRecordings.body(E + "efetch.fcgi?db=taxonomy&ID=9606"));
        assertThat(human).hasSize(1);
        Taxon t = human.get(0).taxon();
        assertThat(t.id()).isEqualTo("9606");
        assertThat(t.scientificName()).isEqualTo("Homo sapiens");
        assertThat(t.rank()).isEqualTo("species");
        assertThat(t.commonNames()).contains("human");
        assertThat(t.lineage()).startsWith(new TermRef("131567", "cellular organisms"), new TermRef("2759", "Eukaryota"))
                .contains(new TermRef("40674", "Mammalia"), new TermRef("9443", "Primates")).endsWith(new TermRef("9605", "Homo"));

        List<EutilsAnswers.Fetched> dogAndCat = EutilsAnswers.taxa(EutilsRecordings.body(E + "efetch.fcgi?db=taxonomy&id=9615,9685&retmode=xml"));
        assertThat(dogAndCat).extracting(f -> f.taxon().scientificName()).containsExactly("Canis lupus familiaris", "Felis catus");
        assertThat(dogAndCat.get(0).taxon().commonNames()).contains("dog");
    }

    @Test
    void aMergedIdAnswersWithTheTaxonItWasMergedInto() throws Exception {
        List<EutilsAnswers.Fetched> merged = EutilsAnswers.taxa(EutilsRecordings.body(E + "efetch.fcgi?db=taxonomy&ID=668400&api_key="));
        assertThat(merged).hasSize(1);
        assertThat(merged.get(0).taxon().id()).isEqualTo("668482");
        assertThat(merged.get(0).taxon().scientificName()).isEqualTo("Sinularia polydactyla");
        assertThat(merged.get(0).akaIds()).containsExactly("668400");
    }

    @Test
    void aDocumentThatIsNotTheAnswerIsUnreadable() {
        // what NCBI sends when the rate is exceeded on some endpoints: JSON, not XML (documented shape)
        byte[] json = "{\"error\":\"API rate limit exceeded\",\"count\":\"11\"}".getBytes(StandardCharsets.UTF_8);
        assertThatThrownBy(() -> EutilsAnswers.searchIds(json)).isInstanceOf(EutilsAnswers.UnreadableAnswerException.class);
        // read before the lambda: without ../shared the test is skipped, not failed
        byte[] searchAnswer = EutilsRecordings.body(E + "esearch.fcgi?db=taxonomy&term=aaa");
        assertThatThrownBy(() -> EutilsAnswers.taxa(searchAnswer))
                .isInstanceOf(EutilsAnswers.UnreadableAnswerException.class).hasMessageContaining("expected <TaxaSet>");
    }
}
