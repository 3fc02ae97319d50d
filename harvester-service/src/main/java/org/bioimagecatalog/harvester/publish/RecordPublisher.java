package org.bioimagecatalog.harvester.publish;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.serialization.StringSerializer;
import org.bioimagecatalog.model.ModelJson;
import org.bioimagecatalog.model.events.HarvestRejected;
import org.bioimagecatalog.model.events.HarvestedRecord;
import org.bioimagecatalog.tracing.MessagingTracing;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Publishes harvest events as JSON strings ({@link ModelJson}) and waits for the broker's acknowledgement (of each
 * record, or of every record of a page), so that a record is counted as published, and its hash stored, only once
 * it is really in the log. A plain producer (rather than a messaging channel) because the run needs that answer.
 */
@ApplicationScoped
public class RecordPublisher {
    private static final long ACK_TIMEOUT_SECONDS = 60;
    /** Under Kafka's default {@code max.request.size} (1 MiB), leaving room for the key and headers. */
    public static final int MAX_RECORD_BYTES = 1_000_000;

    private final KafkaTopics topics;
    private final String bootstrapServers;
    private volatile KafkaProducer<String, String> producer;

    /** Puts the trace context in each record's headers (docs/observability.md). */
    @Inject
    MessagingTracing tracing;

    @Inject
    public RecordPublisher(KafkaTopics topics, @ConfigProperty(name = "kafka.bootstrap.servers") String bootstrapServers) {
        this.topics = topics;
        this.bootstrapServers = bootstrapServers;
    }

    public void publish(HarvestedRecord record) {
        send(HarvestedRecord.TOPIC, record.key(), ModelJson.write(record));
    }

    /**
     * Publishes a page's records: all sent at once (the producer batches them), then every acknowledgement awaited,
     * so the caller may count them all as published on return. When one is refused or not acknowledged in time it
     * throws; records of the batch Kafka did take are sent again by the next run (at least once, never lost).
     */
    public void publishAll(List<HarvestedRecord> records) {
        String name = topics.name(HarvestedRecord.TOPIC);
        List<Future<RecordMetadata>> acks = new ArrayList<>(records.size());
        for (HarvestedRecord record : records) {
            acks.add(hand(name, record.key(), ModelJson.write(record)));
        }
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(ACK_TIMEOUT_SECONDS);
        for (int i = 0; i < acks.size(); i++) {
            await(acks.get(i), records.get(i).key(), name, deadline);
        }
    }

    /** The size of a record as it would be sent, in bytes. */
    public static int size(HarvestedRecord record) {
        return ModelJson.write(record).getBytes(java.nio.charset.StandardCharsets.UTF_8).length;
    }

    public void reject(HarvestRejected rejection) {
        send(HarvestRejected.TOPIC, rejection.key(), ModelJson.write(rejection));
    }

    private void send(String topic, String key, String json) {
        String name = topics.name(topic);
        await(hand(name, key, json), key, name, System.nanoTime() + TimeUnit.SECONDS.toNanos(ACK_TIMEOUT_SECONDS));
    }

    /** Hands one record to the producer, with the trace context in its headers; the future is its acknowledgement. */
    private Future<RecordMetadata> hand(String topic, String key, String json) {
        try {
            return producer().send(tracing.send(new ProducerRecord<>(topic, key, json)));
        } catch (KafkaException e) {
            throw new PublishFailedException("Kafka did not take " + key + " on " + topic + ": " + e.getMessage(), e);
        }
    }

    private static void await(Future<RecordMetadata> ack, String key, String topic, long deadlineNanos) {
        try {
            ack.get(Math.max(0, deadlineNanos - System.nanoTime()), TimeUnit.NANOSECONDS);
        } catch (ExecutionException e) {
            throw new PublishFailedException("Kafka did not accept " + key + " on " + topic + ": "
                    + e.getCause().getMessage(), e.getCause());
        } catch (TimeoutException e) {
            throw new PublishFailedException("Kafka did not acknowledge " + key + " on " + topic + " within "
                    + ACK_TIMEOUT_SECONDS + " s", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PublishFailedException("interrupted while publishing " + key, e);
        }
    }

    /** Created on first use, so the service starts (and reports itself not ready) while Kafka is down. */
    private KafkaProducer<String, String> producer() {
        KafkaProducer<String, String> p = producer;
        if (p == null) {
            synchronized (this) {
                if (producer == null) {
                    producer = new KafkaProducer<>(config(), new StringSerializer(), new StringSerializer());
                }
                p = producer;
            }
        }
        return p;
    }

    private Properties config() {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(ProducerConfig.CLIENT_ID_CONFIG, "harvester-service");
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        props.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 15_000);
        props.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 45_000);
        props.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 15_000);
        props.put(ProducerConfig.LINGER_MS_CONFIG, 0);
        return props;
    }

    @PreDestroy
    void close() {
        if (producer != null) {
            producer.close(java.time.Duration.ofSeconds(10));
        }
    }
}
