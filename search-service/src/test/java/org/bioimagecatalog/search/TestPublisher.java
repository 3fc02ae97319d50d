package org.bioimagecatalog.search;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.bioimagecatalog.model.ModelJson;
import org.bioimagecatalog.model.events.DatasetChanged;
import org.bioimagecatalog.model.events.DatasetEventRejected;
import org.bioimagecatalog.model.events.ReuseSummary;
import org.bioimagecatalog.testsupport.DatasetDeadLetterReader;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * A real Kafka producer on this test JVM's prefixed topics. Every dataset message goes to partition 0, so a
 * later message proves the earlier ones were consumed (a "sentinel" instead of a sleep).
 */
final class TestPublisher implements AutoCloseable {
    private final KafkaProducer<String, String> producer;
    private final String prefix;
    private final String bootstrap;

    TestPublisher() {
        var config = ConfigProvider.getConfig();
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, config.getValue("kafka.bootstrap.servers", String.class));
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        this.producer = new KafkaProducer<>(props);
        this.prefix = config.getValue("bic.kafka.topic-prefix", String.class);
        this.bootstrap = config.getValue("kafka.bootstrap.servers", String.class);
    }

    /** What search-service sent to this JVM's {@code datasets.dlq.v1} for {@code key}, once there are {@code atLeast}. */
    List<DatasetEventRejected> deadLettersOf(String key, int atLeast) {
        return DatasetDeadLetterReader.of(bootstrap, prefix, "search-service", key, atLeast, Duration.ofSeconds(60));
    }

    void dataset(DatasetChanged event) {
        raw(event.datasetId(), ModelJson.write(event));
    }

    void tombstone(String datasetId) {
        raw(datasetId, null);
    }

    void raw(String key, String value) {
        send(new ProducerRecord<>(prefix + DatasetChanged.TOPIC, 0, key, value));
    }

    void reuse(ReuseSummary summary) {
        send(new ProducerRecord<>(prefix + ReuseSummary.TOPIC, 0, summary.datasetId(), ModelJson.write(summary)));
    }

    /** Summaries and tombstones (a null value) sent together, so that they usually arrive in one poll. */
    void reuses(List<Map.Entry<String, ReuseSummary>> summaries) {
        List<java.util.concurrent.Future<?>> sent = new java.util.ArrayList<>();
        for (Map.Entry<String, ReuseSummary> e : summaries) {
            sent.add(producer.send(new ProducerRecord<>(prefix + ReuseSummary.TOPIC, 0, e.getKey(),
                    e.getValue() == null ? null : ModelJson.write(e.getValue()))));
        }
        producer.flush();
        for (var future : sent) {
            try {
                future.get();
            } catch (InterruptedException ex) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(ex);
            } catch (ExecutionException ex) {
                throw new IllegalStateException("cannot publish reuse summaries", ex.getCause());
            }
        }
    }

    private void send(ProducerRecord<String, String> record) {
        try {
            producer.send(record).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("cannot publish to " + record.topic(), e.getCause());
        }
    }

    @Override
    public void close() {
        producer.close();
    }
}
