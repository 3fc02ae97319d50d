package org.bioimagecatalog.testsupport;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The one test resource every service test uses: makes sure the real stack runs, and gives this test JVM
 * its own namespace (topic prefix, Elasticsearch index prefix) on the shared engines. Each service's test
 * profile points at the {@code bioimage_test} database, where Flyway cleans the service's schema at start.
 */
public class StackTestResource implements QuarkusTestResourceLifecycleManager {
    private String namespace;

    @Override
    public Map<String, String> start() {
        LocalStack.ensureRunning();
        namespace = "t" + LocalDateTime.now().format(DateTimeFormatter.ofPattern("MMddHHmmss"))
                + ThreadLocalRandom.current().nextInt(1000, 10000);
        TestTopics.create(namespace + ".");
        return Map.of(
                "bic.kafka.topic-prefix", namespace + ".",
                "bic.elasticsearch.index-prefix", namespace + "-",
                "kafka.bootstrap.servers", LocalStack.kafkaBootstrap(),
                "quarkus.datasource.jdbc.url", LocalStack.jdbcUrl("bioimage_test"),
                "quarkus.elasticsearch.hosts", LocalStack.elasticsearchHost());
    }

    @Override
    public void stop() {
        if (namespace != null) {
            TestTopics.delete(namespace + ".");
        }
    }
}
