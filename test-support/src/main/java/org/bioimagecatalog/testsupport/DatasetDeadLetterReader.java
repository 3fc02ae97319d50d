package org.bioimagecatalog.testsupport;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.bioimagecatalog.model.ModelJson;
import org.bioimagecatalog.model.events.DatasetEventRejected;

/** Reads this test JVM's {@code datasets.dlq.v1} (under its topic prefix) from the beginning, for any consumer. */
public final class DatasetDeadLetterReader {
    private DatasetDeadLetterReader() {}

    /**
     * The dead letters with {@code key} that {@code consumer} sent, read until there are {@code atLeast} of them or
     * {@code wait} has passed (a later poll never finds fewer, so the caller asserts on what it got).
     */
    public static List<DatasetEventRejected> of(String bootstrap, String topicPrefix, String consumer, String key,
            int atLeast, Duration wait) {
        List<DatasetEventRejected> found = new ArrayList<>();
        Properties c = new Properties();
        c.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        c.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        c.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        c.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        try (KafkaConsumer<String, String> reader = new KafkaConsumer<>(c)) {
            String topic = topicPrefix + DatasetEventRejected.TOPIC;
            List<TopicPartition> partitions = reader.partitionsFor(topic).stream()
                    .map(info -> new TopicPartition(topic, info.partition())).toList();
            reader.assign(partitions);
            reader.seekToBeginning(partitions);
            long deadline = System.nanoTime() + wait.toNanos();
            while (found.size() < atLeast && System.nanoTime() < deadline) {
                reader.poll(Duration.ofMillis(200)).forEach(r -> {
                    if (key.equals(r.key())) {
                        DatasetEventRejected rejected = ModelJson.read(r.value(), DatasetEventRejected.class);
                        if (consumer.equals(rejected.consumer())) {
                            found.add(rejected);
                        }
                    }
                });
            }
        }
        return found;
    }
}
