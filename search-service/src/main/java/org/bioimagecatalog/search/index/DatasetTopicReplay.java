package org.bioimagecatalog.search.index;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Reads {@code datasets.v1} from offset 0 up to the end offsets captured when it starts, with a plain consumer
 * of its own: every partition assigned, no group, nothing committed, so the live consumer's offsets are never
 * touched. A second pass from the first one's end offsets catches up with what was written meanwhile.
 */
final class DatasetTopicReplay {
    private static final Duration POLL = Duration.ofMillis(500);

    private final String bootstrapServers;
    private final String topic;
    private final int maxPollRecords;

    DatasetTopicReplay(String bootstrapServers, String topic, int maxPollRecords) {
        this.bootstrapServers = bootstrapServers;
        this.topic = topic;
        this.maxPollRecords = maxPollRecords;
    }

    /** What a pass read, and the end offsets it stopped at (where a catch-up pass starts). */
    record Pass(long messages, Map<TopicPartition, Long> end) {}

    /**
     * Hands every batch read to {@code batches}, from {@code from} (null: the beginning) to the end offsets
     * captured now.
     */
    Pass replay(Map<TopicPartition, Long> from, Consumer<List<ConsumerRecord<String, String>>> batches) {
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(properties())) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(30)).stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            if (from != null) {
                from.forEach((tp, offset) -> {
                    if (partitions.contains(tp)) {
                        consumer.seek(tp, offset);
                    }
                });
            }
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions, Duration.ofSeconds(30));
            long read = 0;
            while (!reachedEnd(consumer, end)) {
                ConsumerRecords<String, String> records = consumer.poll(POLL);
                List<ConsumerRecord<String, String>> batch = new ArrayList<>(records.count());
                for (ConsumerRecord<String, String> record : records) {
                    TopicPartition tp = new TopicPartition(record.topic(), record.partition());
                    if (record.offset() < end.get(tp)) {
                        batch.add(record);
                    }
                }
                if (!batch.isEmpty()) {
                    batches.accept(batch);
                    read += batch.size();
                }
            }
            return new Pass(read, end);
        }
    }

    private static boolean reachedEnd(KafkaConsumer<String, String> consumer, Map<TopicPartition, Long> end) {
        for (var entry : end.entrySet()) {
            if (consumer.position(entry.getKey()) < entry.getValue()) {
                return false;
            }
        }
        return true;
    }

    private Properties properties() {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        props.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, maxPollRecords);
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        props.put(ConsumerConfig.CLIENT_ID_CONFIG, "search-service-reindex");
        props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        return props;
    }
}
