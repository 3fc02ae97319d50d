package org.bioimagecatalog.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.bioimagecatalog.testsupport.LocalStack;

/**
 * Where the consumer groups of a {@link RunningSystem} stand on the run's topics (named without the namespace, as
 * in the services' application.properties): how far behind the end a group is, and setting a group back to 0.
 */
final class ConsumerLag implements AutoCloseable {
    /** The consumer services and the topics each reads, as in their application.properties. */
    static final Map<String, List<String>> CONSUMED = Map.of(
            "catalog-service", List.of("records.harvested.v1"),
            "search-service", List.of("datasets.v1", "reuse.summary.v1"),
            "reuse-tracker-service", List.of("datasets.v1"));

    private final RunningSystem system;
    private final Admin admin;

    ConsumerLag(RunningSystem system) {
        this.system = system;
        Properties props = new Properties();
        props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, LocalStack.kafkaBootstrap());
        this.admin = Admin.create(props);
    }

    /** Records of the topics that the service's group has not committed yet. */
    long of(String service) throws InterruptedException, ExecutionException {
        return lag(system.group(service), CONSUMED.get(service));
    }

    /** True when every consumer service has read its topics to the end. */
    boolean noneBehind() throws InterruptedException, ExecutionException {
        for (String service : CONSUMED.keySet()) {
            if (of(service) != 0) {
                return false;
            }
        }
        return true;
    }

    long endOffsets(String topic) throws InterruptedException, ExecutionException {
        return latest(List.of(topic)).values().stream().mapToLong(Long::longValue).sum();
    }

    /** Sets the service's group back to offset 0; retried until the stopped consumers have left the group. */
    void resetToZero(String service) throws InterruptedException, ExecutionException {
        String group = system.group(service);
        Map<TopicPartition, OffsetAndMetadata> zero = partitions(CONSUMED.get(service)).stream()
                .collect(Collectors.toMap(p -> p, p -> new OffsetAndMetadata(0)));
        await().atMost(Duration.ofMinutes(1)).ignoreExceptions()
                .until(() -> admin.alterConsumerGroupOffsets(group, zero).all().get() == null);
        assertThat(admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata().get())
                .as("offsets of %s after the reset", group).isEqualTo(zero);
    }

    private long lag(String group, List<String> topics) throws InterruptedException, ExecutionException {
        Map<TopicPartition, OffsetAndMetadata> committed =
                admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata().get();
        long lag = 0;
        for (var end : latest(topics).entrySet()) {
            OffsetAndMetadata offset = committed.get(end.getKey());
            lag += end.getValue() - (offset == null ? 0 : offset.offset());
        }
        return lag;
    }

    private Map<TopicPartition, Long> latest(List<String> topics) throws InterruptedException, ExecutionException {
        Map<TopicPartition, OffsetSpec> request = new HashMap<>();
        for (TopicPartition partition : partitions(topics)) {
            request.put(partition, OffsetSpec.latest());
        }
        return admin.listOffsets(request).all().get().entrySet().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().offset()));
    }

    private List<TopicPartition> partitions(List<String> topics) throws InterruptedException, ExecutionException {
        List<String> names = topics.stream().map(t -> system.namespace + "." + t).toList();
        return admin.describeTopics(names).allTopicNames().get().values().stream()
                .flatMap(d -> d.partitions().stream().map(p -> new TopicPartition(d.name(), p.partition())))
                .toList();
    }

    @Override
    public void close() {
        admin.close();
    }
}
