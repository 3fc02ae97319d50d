package org.bioimagecatalog.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.List;
import org.bioimagecatalog.model.ModelJson;
import org.bioimagecatalog.model.events.DatasetChanged;
import org.bioimagecatalog.testsupport.Fixtures;
import org.bioimagecatalog.testsupport.LocalStack;
import org.junit.jupiter.api.Test;

/** bin/bench search, tiny: its events are catalog-model's DatasetChanged, its raw queries the service's own. */
class SearchBenchTest {
    private static SearchBench.Corpus corpus() throws Exception {
        Path fixtures = Fixtures.require("idr/study-files").getParent().getParent();
        return new SearchBench.Corpus(StudyCorpus.of(fixtures, 42));
    }

    @Test
    void eventsAreDatasetChangedWithTheQualityWhereTheCatalogPutsIt() throws Exception {
        SearchBench.Corpus corpus = corpus();
        for (int i = 0; i < 50; i++) {
            String json = corpus.event(i);
            DatasetChanged e = ModelJson.mapper().readValue(json, DatasetChanged.class);
            assertThat(e.datasetId()).isEqualTo(SearchBench.Corpus.id(i));
            assertThat(e.quality()).isNotNull();
            assertThat(e.quality().score()).isBetween(30, 100);
            assertThat(e.metadata().title()).isNotBlank();
            JsonNode tree = ModelJson.mapper().readTree(json);
            assertThat(tree.path("metadata").has("quality")).as("no score inside the metadata").isFalse();
            assertThat(ModelJson.mapper().readTree(ModelJson.write(e))).as("nothing outside the model").isEqualTo(tree);
        }
    }

    @Test
    void theRawSideSendsTheBodyTheServiceBuildsForTheSameQuery() throws Exception {
        SearchBench.QueryPairs pairs = new SearchBench.QueryPairs("english", "http://svc", "http://es", "x");
        List<String[]> queries = SearchBench.searchQueries(corpus(), pairs, 12);
        assertThat(queries).hasSize(12).allSatisfy(q -> {
            assertThat(q[0]).startsWith("http://svc/api/v1/search?size=20");
            // the service's _msearch (FacetedSearchPlan: the hits' search first, then the facet counts)
            assertThat(q[1]).isEqualTo("http://es/_msearch");
            String[] lines = q[2].split("\n");
            assertThat(lines.length).isEven().isGreaterThanOrEqualTo(4);
            assertThat(ModelJson.mapper().readTree(lines[0]).path("index").asText()).isEqualTo("x");
            JsonNode hits = ModelJson.mapper().readTree(lines[1]);
            assertThat(hits.has("query")).isTrue();
            assertThat(hits.path("size").asInt()).isEqualTo(20);
            assertThat(ModelJson.mapper().readTree(lines[3]).path("size").asInt()).isZero();
        });
        assertThat(SearchBench.facetQueries(corpus(), pairs, 5)).hasSize(5);
    }

    @Test
    void topicsAreCreatedAndDeletedInTheBenchsNamespace() throws Exception {
        String prefix = BenchTopics.prefix();
        String[] common = {"--kafka", LocalStack.kafkaBootstrap(), "--topic-prefix", prefix};
        SearchBench.main(CatalogBenchTest.concat("topics-create", common));
        assertThat(BenchTopics.existing()).contains(prefix + "datasets.v1", prefix + "reuse.summary.v1");
        SearchBench.main(CatalogBenchTest.concat("topics-delete", common));
        assertThat(BenchTopics.leftAfterDeletion(prefix)).isEmpty();
    }
}
