package org.bioimagecatalog.search.query;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.bioimagecatalog.search.index.TextAnalysis;
import org.bioimagecatalog.model.ModelJson;
import org.junit.jupiter.api.Test;

/** The query-builder pieces of forgiving search, without a cluster. */
class ForgivingQueryPartsTest {
    private final SearchQueryBuilder builder = new SearchQueryBuilder(30, 1.0, "2m");

    private JsonNode query(String q) {
        return builder.build(new SearchRequest(q, Map.of(), 1, 10), TextAnalysis.standard()).path("query")
                .path("function_score").path("query");
    }

    @Test
    void plainWordsKeepTheExactQueryAboveFuzzyWordsAndALastWordPrefix() {
        // words no vocabulary knows: a method's name ("imaging mass cytometry") is taken out as a term first
        JsonNode q = query("Revised genomic survey of tonsil tiss");
        JsonNode should = q.path("bool").path("should");
        assertThat(should.get(0).path("bool").path("boost").asDouble()).isEqualTo(ForgivingTextQuery.EXACT_BOOST);
        assertThat(should.get(0).findValue("simple_query_string").path("query").asText())
                .isEqualTo("Revised genomic survey of tonsil tiss");
        JsonNode words = should.get(1).path("bool").path("must");
        assertThat(words).hasSize(6);
        assertThat(words.get(0).path("bool").path("_name").asText()).isEqualTo("word:revised");
        assertThat(words.get(0).findValue("fuzziness").asText()).isEqualTo("AUTO:4,7");
        assertThat(words.get(0).toString()).doesNotContain("bool_prefix");
        assertThat(words.get(5).path("bool").path("should").get(1).path("multi_match").path("type").asText())
                .isEqualTo("bool_prefix");
        assertThat(words.get(5).findValue("query").asText()).isEqualTo("tiss");
    }

    @Test
    void punctuationIsNormalisedInTheForgivingWords() {
        JsonNode words = query("cell’s 1,008 genome-wide").path("bool").path("should").get(1).path("bool").path("must");
        List<String> names = new ArrayList<>();
        words.forEach(w -> names.add(w.path("bool").path("_name").asText()));
        assertThat(names).containsExactly("word:cell", "word:s", "word:1008", "word:genome", "word:wide");
    }

    @Test
    void operatorsAreTakenAsWrittenAndIdentifiersGoStraightToTheLookup() {
        assertThat(query("\"fission yeast\" -mitosis").has("simple_query_string")).isTrue();
        assertThat(query("a|b").has("simple_query_string")).isTrue();
        assertThat(query("mito*").has("simple_query_string")).isTrue();
        // parentheses, + and a lone dash are punctuation of a pasted title, not operators
        assertThat(query("Machine learning (AI) of S100A4+ cells - a screen").toString()).contains("word:s100a4");
        assertThat(query("https://doi.org/10.17867/10000101.").path("terms").path("lookupIds").get(0).asText())
                .isEqualTo("doi:10.17867/10000101");
        JsonNode number = query("1008").path("bool").path("should");
        assertThat(number.get(0).path("terms").path("lookupIds").get(0).asText()).isEqualTo("pmid:1008");
        assertThat(number.get(1).toString()).contains("word:1008");
    }

    @Test
    void didYouMeanAsksTheTermSuggesterForMissingWordsOnly() {
        var body = builder.build(new SearchRequest("nanosocpy glomerulus", Map.of(), 1, 10), TextAnalysis.standard());
        assertThat(body.path("suggest").path("text").asText()).isEqualTo("nanosocpy glomerulus");
        assertThat(body.path("suggest").path("didYouMean").path("term").path("suggest_mode").asText()).isEqualTo("missing");
        assertThat(builder.build(new SearchRequest("idr0001", Map.of(), 1, 10), TextAnalysis.standard()).has("suggest"))
                .isFalse();
        var answer = ModelJson.read("""
                {"didYouMean":[{"text":"nanosocpy","options":[{"text":"nanoscopy","score":0.8,"freq":1}]},
                               {"text":"glomerulus","options":[]}]}""", com.fasterxml.jackson.databind.JsonNode.class);
        Map<String, JsonNode> suggest = Map.of("didYouMean", answer.get("didYouMean"));
        assertThat(DidYouMean.read(suggest)).isEqualTo("nanoscopy glomerulus");
        assertThat(DidYouMean.read(Map.of("didYouMean", ModelJson.read("[{\"text\":\"cell\",\"options\":[]}]",
                JsonNode.class)))).isNull();
    }

    @Test
    void relaxationRequiresFewerWordsEachTimeAndNamesTheWordsLeftOut() {
        assertThat(QueryRelaxation.attempts(5)).containsExactly(4, 3, 1);
        assertThat(QueryRelaxation.attempts(2)).containsExactly(1);
        assertThat(QueryRelaxation.words("mitosis")).isEmpty();
        assertThat(QueryRelaxation.words("EMPIAR-10002")).isEmpty();
        assertThat(QueryRelaxation.words("\"human tonsil\" xyzzy")).contains(List.of("human", "tonsil", "xyzzy"));
        assertThat(QueryRelaxation.words("\"tonsil\"")).contains(List.of("tonsil"));
        assertThat(QueryRelaxation.words("tonsil -human")).isEmpty();
        assertThat(QueryRelaxation.words("tonsil | human")).isEmpty();
        assertThat(QueryRelaxation.attempts("\"human tonsil\" xyzzy", 3)).containsExactly(3, 2, 1);
        assertThat(QueryRelaxation.attempts("human tonsil xyzzy", 3)).containsExactly(2, 1);
        var relaxed = ForgivingTextQuery.allWords(List.of("human", "tonsil", "xyzzy"), 2);
        assertThat(relaxed.path("bool").path("minimum_should_match").asInt()).isEqualTo(2);
        assertThat(relaxed.path("bool").path("should")).hasSize(3);
        RelaxedQuery r = QueryRelaxation.describe("human tonsil xyzzy", List.of("human", "tonsil", "xyzzy"),
                List.of("word:human", "word:tonsil"));
        assertThat(r.terms()).containsExactly("xyzzy");
        assertThat(r.showing()).isEqualTo("human tonsil");
        assertThat(r.message()).isEqualTo("No dataset matches all of \"human tonsil xyzzy\"; showing results for"
                + " \"human tonsil\" (without \"xyzzy\")");
    }

    @Test
    void aCursorWithoutPointInTimeDropsTheImplicitTiebreaker() {
        var after = JsonNodeFactory.instance.arrayNode().add(1.5).add(0).add("bic-1").add(42);
        var request = new SearchRequest("x", Map.of(), RangeFilters.NONE, SortOrder.RELEVANCE, 2, 10,
                new SearchRequest.Continuation(after, null));
        var body = builder.build(request, TextAnalysis.standard());
        assertThat(body.has("pit")).isFalse();
        assertThat(body.path("search_after")).hasSize(3);
        var withPit = builder.build(request.withContinuation(new SearchRequest.Continuation(after, "pit-1")),
                TextAnalysis.standard());
        assertThat(withPit.path("pit").path("id").asText()).isEqualTo("pit-1");
        assertThat(withPit.path("search_after")).hasSize(4);
    }

    @Test
    void pitPoolReusesOnePerSearchCapsTheRestAndForgetsExpiredOnes() {
        var clock = new MutableClock();
        PitPool pool = new PitPool(2, Duration.ofMinutes(2), clock);
        int[] opened = {0};
        for (int i = 0; i < 30; i++) {
            assertThat(pool.acquire("a", () -> "pit-" + ++opened[0])).contains("pit-1");
        }
        assertThat(pool.acquire("b", () -> "pit-" + ++opened[0])).contains("pit-2");
        assertThat(pool.acquire("c", () -> "pit-" + ++opened[0])).isEmpty();
        assertThat(opened[0]).isEqualTo(2);
        assertThat(pool.release("pit-1")).isTrue();
        assertThat(pool.release("pit-1")).isFalse();
        assertThat(pool.acquire("c", () -> "pit-" + ++opened[0])).contains("pit-3");
        clock.now = clock.now.plus(Duration.ofMinutes(3));
        assertThat(pool.open()).isZero();
        assertThat(PitPool.keepAlive("90s")).isEqualTo(Duration.ofSeconds(90));
    }

    private static final class MutableClock extends Clock {
        Instant now = Instant.parse("2026-01-01T00:00:00Z");

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
