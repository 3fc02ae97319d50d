package org.bioimagecatalog.testsupport;

import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;

/**
 * Creates and deletes the project's topics under a prefix, so that each test JVM (and the end-to-end
 * run) has topics of its own on the shared broker, with the same partitions and compaction as production.
 */
public final class TestTopics {
    public static final List<String> NAMES = List.of(
            "records.harvested.v1", "records.harvested.dlq.v1", "datasets.v1", "datasets.dlq.v1", "reuse.summary.v1");

    private TestTopics() {}

    public static void create(String prefix) {
        try (Admin admin = admin()) {
            List<NewTopic> topics = List.of(
                    new NewTopic(prefix + "records.harvested.v1", 3, (short) 1),
                    new NewTopic(prefix + "records.harvested.dlq.v1", 1, (short) 1),
                    new NewTopic(prefix + "datasets.v1", 3, (short) 1).configs(Map.of("cleanup.policy", "compact")),
                    new NewTopic(prefix + "datasets.dlq.v1", 1, (short) 1),
                    new NewTopic(prefix + "reuse.summary.v1", 3, (short) 1).configs(Map.of("cleanup.policy", "compact")));
            admin.createTopics(topics).all().get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("cannot create test topics with prefix " + prefix, e.getCause());
        }
    }

    public static void delete(String prefix) {
        try (Admin admin = admin()) {
            admin.deleteTopics(NAMES.stream().map(n -> prefix + n).toList()).all().get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException e) {
            // best effort: leftover test topics are harmless and carry a unique prefix
        }
    }

    private static Admin admin() {
        Properties props = new Properties();
        props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, LocalStack.kafkaBootstrap());
        return Admin.create(props);
    }
}
