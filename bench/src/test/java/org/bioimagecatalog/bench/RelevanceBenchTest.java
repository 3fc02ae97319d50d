package org.bioimagecatalog.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.bioimagecatalog.model.ModelJson;
import org.bioimagecatalog.model.events.DatasetChanged;
import org.bioimagecatalog.testsupport.Fixtures;
import org.bioimagecatalog.testsupport.LocalStack;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** bin/bench relevance: its query set from every recorded archive, and its records published as catalog-model events. */
class RelevanceBenchTest {
    private static final Path SOURCES = LocalStack.repoDir().resolve("fixtures/shared-sources.tsv");

    @TempDir
    Path work;

    @Test
    void queriesAreTheTitleAsTypedAndWithOneTypo() {
        assertThat(RelevanceBench.typedSoFar("Fission yeast screen")).isEqualTo("Fission yeast scre");
        assertThat(RelevanceBench.transposed("Fission yeast screen")).isEqualTo("Fisison yeast screen");
        assertThat(RelevanceBench.transposed("a b c")).as("no word of five letters").isNull();
        assertThat(RelevanceBench.distinctive("Omega and alpha, beta: gamma delta", Map.of("alpha", 9, "beta", 1,
                "gamma", 2, "delta", 3, "omega", 4))).as("the rarest four words (lower-cased, no stop words), in text order")
                .containsExactly("omega", "beta", "gamma", "delta");
    }

    @Test
    void generateWritesQueriesOfEachKindForTheRecordsOfEveryRecordedArchive() throws Exception {
        Path fixtures = Fixtures.require("idr/study-files").getParent().getParent();
        List<RelevanceBench.Record> records = RelevanceBench.records(fixtures, SOURCES);
        assertThat(records).extracting(RelevanceBench.Record::archive)
                .contains("idr", "bia", "empiar", "bbbc", "cpg", "ssbd", "zenodo");
        assertThat(records).extracting(RelevanceBench.Record::key).doesNotHaveDuplicates();
        Path out = work.resolve("queries.tsv");
        RelevanceBench.main(new String[] {"generate", "--fixtures", fixtures.toString(), "--sources", SOURCES.toString(),
                "--out", out.toString()});
        List<String> lines = Files.readAllLines(out);
        assertThat(lines.get(0)).isEqualTo("kind\tquery\texpected");
        List<String> accessions = lines.stream().filter(l -> l.startsWith("accession\t")).map(l -> l.split("\t")[1]).toList();
        for (String pattern : List.of("idr\\d{4}", "S-B(IAD|SST)\\d+", "EMPIAR-\\d{5}", "BBBC\\d{3}", "cpg\\d{4}",
                "ssbd-repos-\\d{6}")) {
            assertThat(accessions).as("an accession query of each archive: " + pattern).anyMatch(a -> a.matches(pattern));
        }
        assertThat(lines).as("a data DOI of a generic repository").anyMatch(l -> l.matches("doi\t10\\.5281/zenodo\\.\\d+\tzenodo:.*"));
        assertThat(lines).as("a hit on a record the catalog merges with the expected one counts: cpg0010 = BBBC021")
                .contains("accession\tcpg0010\tcpg:cpg0010 bbbc:BBBC021");
        RelevanceBench.Record first = records.get(0);
        assertThat(lines).contains("title\t" + first.metadata().title().replaceAll("\\s+", " ").strip() + "\t"
                + RelevanceBench.expected(first, records));
    }

    @Test
    void publishSendsEveryStudyAsADatasetChangedOfTheModel() throws Exception {
        Path fixtures = Fixtures.require("idr/study-files").getParent().getParent();
        String prefix = BenchTopics.prefix();
        String topic = prefix + DatasetChanged.TOPIC;
        List<RelevanceBench.Record> records = RelevanceBench.records(fixtures, SOURCES);
        int expected = records.size();
        try {
            RelevanceBench.main(new String[] {"publish", "--fixtures", fixtures.toString(), "--sources", SOURCES.toString(), "--kafka",
                    LocalStack.kafkaBootstrap(), "--topic-prefix", prefix});
            List<DatasetChanged> events = new ArrayList<>();
            Properties p = new Properties();
            p.put("bootstrap.servers", LocalStack.kafkaBootstrap());
            try (KafkaConsumer<String, String> c = new KafkaConsumer<>(p, new StringDeserializer(), new StringDeserializer())) {
                TopicPartition tp = new TopicPartition(topic, 0);
                c.assign(List.of(tp));
                c.seekToBeginning(List.of(tp));
                long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
                while (events.size() < expected && System.nanoTime() < deadline) {
                    for (ConsumerRecord<String, String> r : c.poll(Duration.ofMillis(500))) {
                        DatasetChanged e = ModelJson.mapper().readValue(r.value(), DatasetChanged.class);
                        assertThat(e.datasetId()).isEqualTo(r.key()).startsWith("rel-");
                        events.add(e);
                    }
                }
            }
            assertThat(events).extracting(DatasetChanged::datasetId)
                    .containsExactlyInAnyOrderElementsOf(records.stream().map(RelevanceBench.Record::datasetId).toList());
            assertThat(events).hasSize(expected).allSatisfy(e -> {
                assertThat(e.schemaVersion()).isEqualTo(DatasetChanged.SCHEMA_VERSION);
                assertThat(e.metadata().title()).isNotBlank();
                assertThat(e.sources()).hasSize(1);
            });
        } finally {
            try (Admin admin = Admin.create(Map.of("bootstrap.servers", LocalStack.kafkaBootstrap()))) {
                admin.deleteTopics(List.of(topic)).all().get();
            }
        }
    }
}
