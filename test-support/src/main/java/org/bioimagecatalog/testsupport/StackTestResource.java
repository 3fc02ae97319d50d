package org.bioimagecatalog.testsupport;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The one test resource every service test uses: makes sure the real stack runs, and gives this test JVM
 * its own namespace on the shared engines: a database of its own (dropped at the end), a topic prefix and an
 * Elasticsearch index prefix. Runs of the same service side by side therefore never touch each other's data.
 */
public class StackTestResource implements QuarkusTestResourceLifecycleManager {
    private String namespace;

    @Override
    public Map<String, String> start() {
        LocalStack.ensureRunning();
        namespace = "t" + LocalDateTime.now().format(DateTimeFormatter.ofPattern("MMddHHmmss"))
                + ThreadLocalRandom.current().nextInt(1000, 10000);
        TestTopics.create(namespace + ".");
        TestDatabases.create(databaseName());
        return Map.of(
                "bic.kafka.topic-prefix", namespace + ".",
                "bic.elasticsearch.index-prefix", namespace + "-",
                "kafka.bootstrap.servers", LocalStack.kafkaBootstrap(),
                "quarkus.datasource.jdbc.url", LocalStack.jdbcUrl(databaseName()),
                "quarkus.elasticsearch.hosts", LocalStack.elasticsearchHost());
    }

    @Override
    public void stop() {
        if (namespace != null) {
            TestTopics.delete(namespace + ".");
            TestDatabases.drop(databaseName());
        }
    }

    private String databaseName() {
        return "bic_" + namespace;
    }
}
