package org.bioimagecatalog.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.bioimagecatalog.model.Identifier;
import org.bioimagecatalog.model.ModelJson;
import org.bioimagecatalog.model.events.HarvestedRecord;
import org.bioimagecatalog.testsupport.Fixtures;
import org.bioimagecatalog.testsupport.LocalStack;
import org.junit.jupiter.api.Test;

/** bin/bench catalog, tiny: its corpus of harvested records (with DOI pairs to merge) and its topics. */
class CatalogBenchTest {
    private static CatalogBench.Corpus corpus(long seed, int n) throws Exception {
        Path fixtures = Fixtures.require("idr/study-files").getParent().getParent();
        CatalogBench.Corpus corpus = new CatalogBench.Corpus(StudyCorpus.of(fixtures, seed), 20);
        for (int i = 0; i < n; i++) {
            corpus.add(i, "run-1", Instant.parse("2026-01-01T00:00:00Z"));
        }
        return corpus;
    }

    private static Set<String> dois(HarvestedRecord r) {
        return r.metadata().identifiers().stream().filter(i -> Identifier.DOI.equals(i.scheme())).map(Identifier::value)
                .collect(Collectors.toSet());
    }

    @Test
    void recordsAreHarvestedRecordsOfTheModelAndThePairsShareADoi() throws Exception {
        CatalogBench.Corpus corpus = corpus(42, 300);
        List<HarvestedRecord> records = corpus.records;
        assertThat(records).hasSize(300);
        assertThat(corpus.pairs).isPositive();
        for (HarvestedRecord r : records) {
            HarvestedRecord read = ModelJson.mapper().readValue(ModelJson.write(r), HarvestedRecord.class);
            assertThat(read).isEqualTo(r);
            assertThat(r.key()).isEqualTo(HarvestedRecord.key(r.source(), r.nativeId()));
            assertThat(r.contentHash()).isEqualTo(ModelJson.contentHash(r.metadata()));
        }
        List<HarvestedRecord> datacite = records.stream().filter(r -> r.source().equals("datacite")).toList();
        assertThat(datacite).hasSize(corpus.pairs).allSatisfy(d -> assertThat(records.stream()
                .filter(r -> r != d && dois(r).contains(d.nativeId()))).as("the record whose DOI it describes").hasSize(1));
        assertThat(records.stream().flatMap(r -> dois(r).stream()).distinct().count())
                .as("one DOI per expected dataset").isEqualTo(300 - corpus.pairs);
    }

    @Test
    void theSameSeedGivesTheSameRecords() throws Exception {
        assertThat(corpus(7, 50).records).isEqualTo(corpus(7, 50).records);
    }

    @Test
    void topicsAreCreatedAndDeletedInTheBenchsNamespace() throws Exception {
        String prefix = BenchTopics.prefix();
        String[] common = {"--kafka", LocalStack.kafkaBootstrap(), "--topic-prefix", prefix, "--group", prefix + "g",
            "--raw-group", prefix + "raw"};
        CatalogBench.main(concat("topics-create", common));
        assertThat(BenchTopics.existing()).contains(prefix + "records.harvested.v1", prefix + "records.harvested.dlq.v1",
                prefix + "datasets.v1");
        CatalogBench.main(concat("topics-delete", common));
        assertThat(BenchTopics.leftAfterDeletion(prefix)).isEmpty();
    }

    static String[] concat(String command, String[] options) {
        String[] args = new String[options.length + 1];
        args[0] = command;
        System.arraycopy(options, 0, args, 1, options.length);
        return args;
    }
}
