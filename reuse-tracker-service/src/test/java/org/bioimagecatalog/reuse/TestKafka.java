package org.bioimagecatalog.reuse;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.bioimagecatalog.model.ModelJson;
import org.bioimagecatalog.model.events.DatasetChanged;
import org.bioimagecatalog.model.events.DatasetEventRejected;
import org.bioimagecatalog.model.events.ReuseSummary;
import org.bioimagecatalog.testsupport.DatasetDeadLetterReader;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * A real producer on this test JVM's {@code datasets.v1} and a real reader of its {@code reuse.summary.v1}
 * (the prefixed topics StackTestResource created). Use the reader from one thread at a time.
 */
final class TestKafka implements AutoCloseable {
    private final String prefix = ConfigProvider.getConfig().getValue("bic.kafka.topic-prefix", String.class);
    private final String bootstrap = ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class);
    private final KafkaProducer<String, String> producer;
    private final KafkaConsumer<String, String> summaryReader;
    private final List<ConsumerRecord<String, String>> summaries = new ArrayList<>();

    TestKafka() {
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        producer = new KafkaProducer<>(p);
        summaryReader = reader();
        String topic = prefix + ReuseSummary.TOPIC;
        List<TopicPartition> partitions = summaryReader.partitionsFor(topic).stream()
                .map(info -> new TopicPartition(topic, info.partition())).toList();
        summaryReader.assign(partitions);
        summaryReader.seekToBeginning(partitions);
    }

    RecordMetadata publish(DatasetChanged event) {
        return send(new ProducerRecord<>(prefix + DatasetChanged.TOPIC, event.datasetId(), ModelJson.write(event)));
    }

    /** Sends to a given partition, so that a later record is known to be consumed after an earlier one. */
    RecordMetadata publish(int partition, String key, String value) {
        return send(new ProducerRecord<>(prefix + DatasetChanged.TOPIC, partition, key, value));
    }

    /** Sends all the events to one partition before waiting for any ack, so that they tend to arrive in one poll. */
    void publishAll(int partition, List<DatasetChanged> events) {
        List<Future<RecordMetadata>> acks = events.stream().map(event -> producer.send(
                new ProducerRecord<>(prefix + DatasetChanged.TOPIC, partition, event.datasetId(), ModelJson.write(event))))
                .toList();
        producer.flush();
        for (Future<RecordMetadata> ack : acks) {
            try {
                ack.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            } catch (ExecutionException e) {
                throw new IllegalStateException("cannot publish to " + prefix + DatasetChanged.TOPIC, e.getCause());
            }
        }
    }

    RecordMetadata publishTombstone(String datasetId) {
        return send(new ProducerRecord<>(prefix + DatasetChanged.TOPIC, datasetId, null));
    }

    /**
     * The dead letters of {@code key} on this JVM's {@code datasets.dlq.v1}, read from the beginning until there are
     * {@code atLeast} of them or {@code wait} has passed.
     */
    List<DatasetEventRejected> deadLettersOf(String key, int atLeast, Duration wait) {
        return DatasetDeadLetterReader.of(bootstrap, prefix, "reuse-tracker-service", key, atLeast, wait);
    }

    private KafkaConsumer<String, String> reader() {
        Properties c = new Properties();
        c.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        c.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        c.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        c.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        return new KafkaConsumer<>(c);
    }

    /** Every summary published so far for one dataset, oldest first. */
    List<ReuseSummary> summariesOf(String datasetId) {
        summaryReader.poll(Duration.ofMillis(200)).forEach(summaries::add);
        return summaries.stream().filter(r -> datasetId.equals(r.key()))
                .map(r -> ModelJson.read(r.value(), ReuseSummary.class)).toList();
    }

    /** Every summary published so far for the datasets whose id starts with {@code prefix}, oldest first. */
    List<ReuseSummary> summariesWithPrefix(String prefix) {
        summaryReader.poll(Duration.ofMillis(200)).forEach(summaries::add);
        return summaries.stream().filter(r -> r.key() != null && r.key().startsWith(prefix))
                .map(r -> ModelJson.read(r.value(), ReuseSummary.class)).toList();
    }

    private RecordMetadata send(ProducerRecord<String, String> record) {
        try {
            return producer.send(record).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("cannot publish to " + record.topic(), e.getCause());
        }
    }

    @Override
    public void close() {
        producer.close(Duration.ofSeconds(5));
        summaryReader.close(Duration.ofSeconds(5));
    }
}
