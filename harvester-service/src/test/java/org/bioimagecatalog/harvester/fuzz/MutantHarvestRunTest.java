package org.bioimagecatalog.harvester.fuzz;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.stream.Stream;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.bioimagecatalog.model.ModelJson;
import org.bioimagecatalog.model.events.HarvestRejected;
import org.bioimagecatalog.model.events.HarvestedRecord;
import org.bioimagecatalog.testsupport.FixtureHttpServer;
import org.bioimagecatalog.testsupport.Fixtures;
import org.bioimagecatalog.testsupport.LocalStack;
import org.bioimagecatalog.testsupport.StackTestResource;
import org.bioimagecatalog.testsupport.TestApiKeys;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real records and a seeded sample of their mutants, served together over HTTP as one folder listing and
 * harvested by one real run on the real stack: every good record is published, every mutant is either published
 * or on the dead-letter topic with a reason (none dropped silently), and the run's counts match the topics.
 */
@QuarkusTest
@QuarkusTestResource(StackTestResource.class)
class MutantHarvestRunTest {
    private static final String RUNS = "/api/v1/harvest/runs";
    private static final int MUTANTS = 150;

    @TempDir
    Path folder;

    @Test
    void idrStudyFilesAndTheirMutants() throws IOException {
        harvest("idr", "idr/study-files", "-study.txt", Mutator.Format.TEXT);
    }

    @Test
    void gideCratesAndTheirMutants() throws IOException {
        harvest("idr-crates", "idr/gide-ro-crate", "ro-crate-metadata.json", Mutator.Format.JSON);
    }

    private void harvest(String source, String fixtures, String suffix, Mutator.Format format) throws IOException {
        long seed = ParserMutationFuzzTest.SEED ^ source.hashCode();
        List<Path> originals;
        try (Stream<Path> files = Files.list(Fixtures.require(fixtures))) {
            originals = files.filter(p -> p.getFileName().toString().endsWith(suffix)).sorted().toList();
        }
        Set<String> good = new HashSet<>();
        for (Path original : originals) {
            Files.copy(original, folder.resolve("good-" + original.getFileName()));
            good.add("good-" + original.getFileName());
        }
        Mutator mutator = new Mutator(seed, format);
        Set<String> mutants = new HashSet<>();
        for (int i = 0; i < MUTANTS; i++) {
            Path original = originals.get(i % originals.size());
            String name = String.format("mutant-%04d-of-%s", i, original.getFileName());
            Files.write(folder.resolve(name), mutator.mutate(Files.readAllBytes(original)).bytes());
            mutants.add(name);
        }
        // one record whose description alone is larger than a Kafka message: rejected, and the run goes on
        String huge = new String(Files.readAllBytes(originals.get(0)), StandardCharsets.UTF_8)
                .replaceFirst(format == Mutator.Format.JSON ? "\"description\": ?\"" : "Study Description\t",
                        "$0" + "huge ".repeat(400_000));
        Files.writeString(folder.resolve("mutant-huge-" + originals.get(0).getFileName()), huge);
        mutants.add("mutant-huge-" + originals.get(0).getFileName());

        try (FixtureHttpServer server = FixtureHttpServer.serve(folder)) {
            String runId = given().header("X-API-Key", TestApiKeys.admin()).contentType(ContentType.JSON)
                    .body(Map.of("source", source, "location", server.baseUrl(), "force", true))
                    .when().post(RUNS).then().statusCode(202).extract().path("id");
            Response run = awaitFinished(runId);
            String where = "seed " + ParserMutationFuzzTest.SEED + ", source " + source + ", run " + runId;

            Set<String> published = new HashSet<>();
            for (String value : readAll(HarvestedRecord.TOPIC)) {
                HarvestedRecord record = ModelJson.read(value, HarvestedRecord.class);
                if (runId.equals(record.runId())) {
                    published.add(name(record.sourceUrl()));
                }
            }
            List<HarvestRejected> rejected = new ArrayList<>();
            for (String value : readAll(HarvestRejected.TOPIC)) {
                HarvestRejected rejection = ModelJson.read(value, HarvestRejected.class);
                if (runId.equals(rejection.runId())) {
                    rejected.add(rejection);
                }
            }
            Set<String> rejectedNames = new HashSet<>();
            rejected.forEach(r -> rejectedNames.add(name(r.location())));

            assertThat(run.<String>path("status")).as(where).isEqualTo("PARTIAL");
            assertThat(run.<Integer>path("seen")).as(where).isEqualTo(good.size() + mutants.size());
            assertThat(published).as(where + ": every real record is published").containsAll(good);
            assertThat(rejectedNames).as(where + ": no real record is rejected").doesNotContainAnyElementsOf(good);
            assertThat(rejected).as(where + ": every rejection has a reason").allSatisfy(r -> assertThat(r.reason()).isNotBlank());
            assertThat(rejected).hasSize(run.<Integer>path("rejected"));
            assertThat(published).hasSize(run.<Integer>path("published"));
            for (String mutant : mutants) {
                assertThat(published.contains(mutant) ^ rejectedNames.contains(mutant))
                        .as(where + ": %s is published or rejected, once", mutant).isTrue();
            }
            assertThat(rejectedNames).as(where).contains("mutant-huge-" + originals.get(0).getFileName());
            System.out.printf("mutant harvest %s seed %d: %d real + %d mutants, %d published, %d rejected%n", source,
                    ParserMutationFuzzTest.SEED, good.size(), mutants.size(), published.size(), rejected.size());
        }
    }

    private static String name(String location) {
        String path = location.replaceFirst("[?#].*$", "");
        return java.net.URLDecoder.decode(path.substring(path.lastIndexOf('/') + 1), StandardCharsets.UTF_8);
    }

    private static Response awaitFinished(String runId) {
        Response[] last = new Response[1];
        await().atMost(Duration.ofSeconds(180)).pollInterval(Duration.ofMillis(250)).until(() -> {
            last[0] = given().get(RUNS + "/" + runId).then().statusCode(200).extract().response();
            return !"RUNNING".equals(last[0].path("status"));
        });
        return last[0];
    }

    /** The values of a whole topic, to the end offsets as they are now (a finished run had every record acknowledged). */
    private static List<String> readAll(String topic) {
        String name = ConfigProvider.getConfig().getValue("bic.kafka.topic-prefix", String.class) + topic;
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, LocalStack.kafkaBootstrap());
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        props.put(ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG, 4 * 1024 * 1024);
        try (KafkaConsumer<String, String> consumer =
                new KafkaConsumer<>(props, new StringDeserializer(), new StringDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(name, Duration.ofSeconds(30)).stream()
                    .map(p -> new TopicPartition(name, p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions, Duration.ofSeconds(30));
            List<String> values = new ArrayList<>();
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
                assertThat(System.nanoTime()).as("reading %s to %s", name, end).isLessThan(deadline);
                consumer.poll(Duration.ofMillis(500)).forEach(r -> values.add(r.value()));
            }
            return values;
        }
    }
}
