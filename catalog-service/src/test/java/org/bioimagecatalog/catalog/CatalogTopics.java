package org.bioimagecatalog.catalog;

import java.time.Duration;
import java.util.AbstractMap;
import java.util.Arrays;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.awaitility.Awaitility;
import org.bioimagecatalog.model.ModelJson;
import org.bioimagecatalog.model.events.HarvestedRecord;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Real Kafka clients on this test JVM's prefixed topics: a producer for records.harvested.v1 and readers
 * that follow an output topic from its beginning.
 */
final class CatalogTopics {
    private CatalogTopics() {}

    static String physical(String logical) {
        return ConfigProvider.getConfig().getValue("bic.kafka.topic-prefix", String.class) + logical;
    }

    static String bootstrap() {
        return ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class);
    }

    /** Publishes records to records.harvested.v1 in order, keyed source:nativeId, and waits for the acks. */
    static void publish(HarvestedRecord... records) {
        send(Arrays.stream(records)
                .map(r -> Map.entry(r.key(), ModelJson.write(r)))
                .toList());
    }

    /** Sends one raw message to records.harvested.v1 and waits for the broker's ack. */
    static void send(String key, String value) {
        send(List.of(new AbstractMap.SimpleEntry<>(key, value)));
    }

    /** Publishes one record with these headers (a trace context, say) and waits for the ack. */
    static void publish(HarvestedRecord record, Headers headers) {
        sendRecords(List.of(new ProducerRecord<>(physical(HarvestedRecord.TOPIC), null, record.key(),
                ModelJson.write(record), headers)));
    }

    /** Sends raw messages (key, value) to records.harvested.v1 in order and waits for the broker's acks. */
    static void send(List<Map.Entry<String, String>> messages) {
        String topic = physical(HarvestedRecord.TOPIC);
        sendRecords(messages.stream()
                .map(m -> new ProducerRecord<>(topic, m.getKey(), m.getValue()))
                .toList());
    }

    private static void sendRecords(List<ProducerRecord<String, String>> records) {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap());
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        String topic = physical(HarvestedRecord.TOPIC);
        try (KafkaProducer<String, String> producer =
                new KafkaProducer<>(props, new StringSerializer(), new StringSerializer())) {
            for (ProducerRecord<String, String> record : records) {
                producer.send(record).get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("cannot publish to " + topic, e.getCause());
        }
    }

    /** Everything on one output topic, read from offset 0 by a consumer with no group. */
    static final class Reader implements AutoCloseable {
        private final KafkaConsumer<String, String> consumer;
        private final List<ConsumerRecord<String, String>> seen = new ArrayList<>();

        Reader(String logicalTopic) {
            Properties props = new Properties();
            props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap());
            props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
            consumer = new KafkaConsumer<>(props, new StringDeserializer(), new StringDeserializer());
            String topic = physical(logicalTopic);
            List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                    .map(p -> new TopicPartition(topic, p.partition()))
                    .toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
        }

        /** Polls until the messages with this key satisfy {@code done}; returns them in offset order. */
        List<ConsumerRecord<String, String>> awaitKey(String key, Predicate<List<ConsumerRecord<String, String>>> done) {
            Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(50))
                    .until(() -> {
                        poll();
                        return done.test(withKey(key));
                    });
            return withKey(key);
        }

        /** Reads up to the current end of every partition: afterwards, {@link #withKey} is complete. */
        List<ConsumerRecord<String, String>> readToEnd(String key) {
            Map<TopicPartition, Long> end = consumer.endOffsets(consumer.assignment());
            Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(50))
                    .until(() -> {
                        poll();
                        return end.entrySet().stream().allMatch(e -> consumer.position(e.getKey()) >= e.getValue());
                    });
            return withKey(key);
        }

        private void poll() {
            consumer.poll(Duration.ofMillis(200)).forEach(seen::add);
        }

        private List<ConsumerRecord<String, String>> withKey(String key) {
            return seen.stream().filter(r -> key.equals(r.key())).toList();
        }

        @Override
        public void close() {
            consumer.close();
        }
    }
}
